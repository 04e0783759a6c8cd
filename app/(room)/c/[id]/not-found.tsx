import Link from "next/link";

/** An id that is unknown, deleted or someone else's: all look the same. */
export default function ConversationNotFound() {
  return (
    <div className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 className="text-xl font-semibold">Conversation not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        It may have been deleted, or the link is wrong.
      </p>
      <Link href="/" className="btn-primary mt-6 text-sm">
        Start a new conversation
      </Link>
    </div>
  );
}

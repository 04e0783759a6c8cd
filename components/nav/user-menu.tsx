import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { getDb } from "@/db/client";
import { getUser } from "@/db/queries/users";
import { optionalUserId } from "@/lib/auth/current-user";

/**
 * The header's account corner: Activity, Settings, who is signed in, and Sign out. Renders
 * nothing for visitors (the sign-in pages). A server component; reads the session per request,
 * so mount it inside <Suspense> in app/layout.tsx.
 */
export async function UserMenu() {
  const userId = await optionalUserId();
  if (!userId) return null;
  const user = getUser(getDb(), { userId });
  const link = "hover:text-zinc-900 dark:hover:text-zinc-100";
  return (
    <div className="ml-auto flex items-center gap-4 text-sm text-zinc-600 dark:text-zinc-400">
      <nav aria-label="Account" className="flex gap-4">
        <Link href="/activity" className={link}>
          Activity
        </Link>
        <Link href="/settings" className={link}>
          Settings
        </Link>
      </nav>
      <span className="hidden max-w-48 truncate sm:inline" title={user?.email ?? undefined}>
        {user?.email ?? user?.name}
      </span>
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-50 focus:outline-none focus:ring-2 focus:ring-zinc-400 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}

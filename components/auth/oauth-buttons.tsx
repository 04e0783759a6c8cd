import { oauthSignInAction } from "@/app/(auth)/actions";

/** One button per OAuth provider switched on in the environment; nothing when there are none. */
export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      {providers.map((p) => (
        <form key={p.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="w-full rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50 focus:outline-none focus:ring-2 focus:ring-zinc-400 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { getDb } from "@/db/client";
import { hasAccounts } from "@/db/queries/users";
import { enabledOAuthProviders } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { optionalUserId } from "@/lib/auth/current-user";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in · Quorum" };

/** Auth.js sends OAuth failures here as `?error=`; say what happened in words. */
const ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "An account with this email already exists. Sign in with your password; linking it to this provider is not possible yet.",
  SignupsClosed: "Sign-ups are closed on this server. Ask its owner for an account.",
  AccessDenied: "Signing in was refused.",
  Configuration: "Signing in is misconfigured on this server. Its logs say more.",
};

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const query = callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  // A fresh install has nobody to sign in: its first visitor creates the account.
  if (!hasAccounts(getDb())) redirect(`/sign-up${query}`);
  if (await optionalUserId()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in to Quorum</h1>
      {error ? (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {ERRORS[error] ?? "Signing in failed. Try again."}
        </p>
      ) : null}
      <AuthForm mode="sign-in" action={signInAction} callbackUrl={callbackUrl} />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
    </>
  );
}

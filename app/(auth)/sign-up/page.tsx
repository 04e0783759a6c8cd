import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { getDb } from "@/db/client";
import { hasAccounts } from "@/db/queries/users";
import { enabledOAuthProviders } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { optionalUserId } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Sign up · Quorum" };

type SearchParams = Promise<{ callbackUrl?: string | string[] }>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await optionalUserId()) redirect(callbackUrl);
  const first = !hasAccounts(getDb());
  if (!first && getEnv().QUORUM_SIGNUPS === "closed") {
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Sign-ups are closed</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This server only lets its owner create accounts.{" "}
          <Link href="/sign-in" className="font-medium underline">
            Sign in
          </Link>{" "}
          if you have one.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">Create your account</h1>
      {first ? (
        <p data-testid="first-account" className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          This is the first account on this server. It keeps every conversation and run made here so
          far.
        </p>
      ) : (
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          Your conversations, keys and activity are yours alone.
        </p>
      )}
      <AuthForm mode="sign-up" action={signUpAction} callbackUrl={callbackUrl} />
      <OAuthButtons providers={enabledOAuthProviders()} callbackUrl={callbackUrl} />
    </>
  );
}

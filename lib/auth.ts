/**
 * Accounts (Auth.js v5): email + password through the Credentials provider, and GitHub /
 * Google when their env vars are set. Sessions are JWTs carrying our user id as `uid`.
 * Sign-up is our own server action (app/(auth)/actions.ts), which then signs in.
 */
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/db/client";
import { findOAuthUser } from "@/db/queries/users";
import { authConfig } from "@/lib/auth/config";
import { checkCredentials, userForOAuth } from "@/lib/auth/sign-in-user";
import { type Env, getEnv } from "@/lib/env";

export type OAuthProviderId = "github" | "google";

/** OAuth providers switched on by their env vars, for the sign-in buttons. */
export function enabledOAuthProviders(
  env: Env = getEnv(),
): { id: OAuthProviderId; name: string }[] {
  return [
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
      ? [{ id: "github" as const, name: "GitHub" }]
      : []),
    ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
      ? [{ id: "google" as const, name: "Google" }]
      : []),
  ];
}

function providers(env: Env): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => checkCredentials(getDb(), credentials),
    }),
  ];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return list;
}

// A lazy config: env is read (and validated) on first use, not when `next build` imports this.
export const { auth, signIn, signOut, handlers } = NextAuth(() => {
  const env = getEnv();
  return {
    ...authConfig,
    secret: env.AUTH_SECRET,
    providers: providers(env),
    logger: {
      // A wrong password is not a server error; Auth.js would log each one with a stack.
      error(error) {
        if (error.name === "CredentialsSignin") return;
        console.error("quorum: auth", error);
      },
    },
    callbacks: {
      ...authConfig.callbacks,
      signIn({ account, profile, user }) {
        if (!account || account.type === "credentials") return true;
        const result = userForOAuth(
          getDb(),
          {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: profile?.email ?? user.email ?? null,
            name: profile?.name ?? user.name ?? null,
          },
          { signupsOpen: env.QUORUM_SIGNUPS === "open" },
        );
        if (!result.ok) {
          return result.reason === "not_linked"
            ? "/sign-in?error=OAuthAccountNotLinked"
            : "/sign-in?error=SignupsClosed";
        }
        return true;
      },
      jwt({ token, user, account }) {
        if (!account) return token; // Not a sign-in: the token already carries `uid`.
        if (account.type === "credentials") {
          token.uid = user.id;
        } else {
          // The signIn callback above has linked this identity to one of our users.
          token.uid = findOAuthUser(getDb(), {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
          })?.id;
        }
        return token;
      },
    },
  };
});

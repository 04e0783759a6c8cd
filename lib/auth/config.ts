import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that proxy.ts needs to read a session: no providers
 * and no database, so the proxy stays small and never opens SQLite. lib/auth.ts adds the rest.
 */
export const authConfig = {
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Sessions are JWTs in an encrypted cookie, signed with AUTH_SECRET; no session table.
  session: { strategy: "jwt" },
  // Self-hosted behind whatever host name or reverse proxy the owner picks; without it Auth.js
  // refuses requests in production unless AUTH_URL is set.
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      // `uid` is our users.id (lib/auth.ts sets it at sign-in); `sub` may be an OAuth id.
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;

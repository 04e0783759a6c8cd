/**
 * Every page and API route needs a session, except signing in and up and Auth.js's own
 * endpoints. Pages redirect to /sign-in (coming back afterwards); API routes answer 401 JSON.
 * This only reads the session cookie: ownership is checked by every query (lib/auth/current-user).
 */

import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

const PUBLIC_PAGES = new Set(["/sign-in", "/sign-up"]);

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.has(pathname) || pathname.startsWith("/api/auth/")) return NextResponse.next();
  if (request.auth?.user?.id) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthorized:auth", message: "Please sign in to continue." } },
      { status: 401 },
    );
  }
  const signIn = new URL("/sign-in", request.nextUrl);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export const config = {
  // Not Next's internals or static files (they hold nothing private and must load on sign-in).
  matcher: [
    "/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp)$).*)",
  ],
};

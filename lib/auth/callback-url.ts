/**
 * Where to go after signing in. Only paths on this site: an absolute or protocol-relative URL
 * in `callbackUrl` would make the sign-in page an open redirect.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Back to the sign-in pages would only loop.
  if (/^\/sign-(in|up)(?:[/?#]|$)/.test(value)) return "/";
  return value;
}

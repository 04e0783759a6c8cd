import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt$N$r$p$salt$hash with a fresh salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b); // per-password salt
    expect(a).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse battery", b)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("never matches a malformed or tampered stored value", async () => {
    const stored = await hashPassword("password1");
    const parts = stored.split("$");
    const tampered = [...parts.slice(0, 5), `${parts[5]?.slice(0, -2)}AA`].join("$");
    for (const bad of ["", "plain", "scrypt$x$8$1$abc$def", "bcrypt$1$2$3$4$5", tampered]) {
      expect(await verifyPassword("password1", bad)).toBe(false);
    }
  });

  it("reads the parameters from the stored value, so they can be raised later", async () => {
    const stored = await hashPassword("password1");
    const weaker = stored.replace("scrypt$32768$", "scrypt$1024$");
    // Same salt and hash under other parameters: a different key, so no match.
    expect(await verifyPassword("password1", weaker)).toBe(false);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeCallbackUrl("/c/abc?x=1")).toBe("/c/abc?x=1");
    expect(safeCallbackUrl("/activity")).toBe("/activity");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil",
      "javascript:alert(1)",
      "/sign-in",
      "/sign-up?x",
      undefined,
      ["/a"],
    ]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});

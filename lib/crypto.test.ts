import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret, SecretDecryptionError } from "./crypto";

const secret = "a-server-secret-that-is-long-enough-0123";
const key = "sk-or-v1-0123456789abcdef0123456789abcdef";

describe("secrets at rest", () => {
  it("round-trips, and never contains the plaintext", () => {
    const stored = encryptSecret({ secret, plaintext: key, owner: "u1" });
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(Buffer.from(key).toString("base64"));
    expect(decryptSecret({ secret, stored, owner: "u1" })).toBe(key);
  });

  it("uses a fresh nonce each time", () => {
    expect(encryptSecret({ secret, plaintext: key, owner: "u1" })).not.toBe(
      encryptSecret({ secret, plaintext: key, owner: "u1" }),
    );
  });

  it("refuses another owner, another server secret, and tampering", () => {
    const stored = encryptSecret({ secret, plaintext: key, owner: "u1" });
    expect(() => decryptSecret({ secret, stored, owner: "u2" })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret({ secret: `${secret}x`, stored, owner: "u1" })).toThrow(
      SecretDecryptionError,
    );
    const parts = stored.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret({ secret, stored: parts.join("."), owner: "u1" })).toThrow(
      SecretDecryptionError,
    );
    expect(() => decryptSecret({ secret, stored: "garbage", owner: "u1" })).toThrow(
      SecretDecryptionError,
    );
  });

  it("masks keys down to their prefix and last four characters", () => {
    expect(maskSecret(key)).toBe("sk-or-••••••••cdef");
    expect(maskSecret("short")).toBe("••••••••");
    expect(maskSecret(key)).not.toContain("0123456789");
  });
});

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets at rest (provider keys, endpoint keys): AES-256-GCM with a key derived from the
 * server secret by HKDF, a fresh 96-bit nonce per value, and the owner's id bound in as
 * associated data so a ciphertext copied to another user's row does not decrypt.
 * Stored form: `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
const VERSION = "v1";

function deriveKey(serverSecret: string): Buffer {
  if (serverSecret.length < 32)
    throw new Error("The server secret must be at least 32 characters.");
  return Buffer.from(hkdfSync("sha256", serverSecret, "quorum", "quorum:secrets-at-rest:v1", 32));
}

export function encryptSecret(args: { secret: string; plaintext: string; owner: string }): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(args.secret), nonce);
  cipher.setAAD(Buffer.from(args.owner, "utf8"));
  const body = Buffer.concat([cipher.update(args.plaintext, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export class SecretDecryptionError extends Error {
  constructor() {
    super("A stored secret could not be decrypted; was AUTH_SECRET changed? Re-enter the key.");
    this.name = "SecretDecryptionError";
  }
}

export function decryptSecret(args: { secret: string; stored: string; owner: string }): string {
  const [version, nonce, tag, body] = args.stored.split(".");
  if (version !== VERSION || !nonce || !tag || body === undefined)
    throw new SecretDecryptionError();
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(args.secret),
      Buffer.from(nonce, "base64url"),
    );
    decipher.setAAD(Buffer.from(args.owner, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretDecryptionError();
  }
}

/** What the browser may see of a key: its shape, never its body. */
export function maskSecret(plaintext: string): string {
  const tail = plaintext.length > 12 ? plaintext.slice(-4) : "";
  const head = plaintext.match(/^[a-z]+-(?:[a-z0-9]+-)?/i)?.[0] ?? "";
  return `${head}••••••••${tail}`;
}

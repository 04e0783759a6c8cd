/**
 * A user's provider keys: validated, encrypted at rest (lib/crypto.ts, owner = user id, secret
 * = AUTH_SECRET) and shown only masked. Plaintext leaves this module only towards the model
 * registry on the server, never towards a page, a response or a log.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  deleteProviderKey as deleteRow,
  getProviderKey,
  listProviderKeys,
  upsertProviderKey,
} from "@/db/queries/provider-keys";
import { decryptSecret, encryptSecret, maskSecret, SecretDecryptionError } from "@/lib/crypto";
import { getEnv } from "@/lib/env";
import { QuorumError } from "@/lib/errors";
import { invalidateUserRegistry } from "@/lib/models/user-registry-cache";

/** OpenRouter keys are used today; the direct providers' keys are stored for a coming release. */
export const KEY_PROVIDERS = ["openrouter", "anthropic", "openai", "google"] as const;
export type KeyProvider = (typeof KEY_PROVIDERS)[number];
export const USED_KEY_PROVIDERS: readonly KeyProvider[] = ["openrouter"];

export const PROVIDER_LABELS: Record<KeyProvider, string> = {
  openrouter: "OpenRouter",
  anthropic: "Anthropic",
  openai: "OpenAI",
  google: "Google AI",
};

export const providerSchema = z.enum(KEY_PROVIDERS, { error: "Unknown provider." });

export const apiKeySchema = z
  .string({ error: "Paste the key." })
  .trim()
  .min(1, "Paste the key.")
  .max(1000, "That is too long to be an API key.")
  .regex(/^\S+$/, "An API key has no spaces in it; check what was pasted.");

/** What a page may show of a stored key. */
export type StoredKeyView = { provider: KeyProvider; hint: string; updatedAt: number };

export function secretFor(userId: string) {
  return { secret: getEnv().AUTH_SECRET, owner: userId };
}

export function listStoredKeys(db: Db, params: { userId: string }): StoredKeyView[] {
  return listProviderKeys(db, params).flatMap((row) => {
    const provider = providerSchema.safeParse(row.provider);
    return provider.success
      ? [{ provider: provider.data, hint: row.keyHint, updatedAt: row.updatedAt }]
      : [];
  });
}

export function saveProviderKey(
  db: Db,
  params: { userId: string; provider: KeyProvider; key: string },
): StoredKeyView {
  const key = apiKeySchema.parse(params.key);
  const { secret, owner } = secretFor(params.userId);
  const keyHint = maskSecret(key);
  const now = Date.now();
  upsertProviderKey(db, {
    userId: params.userId,
    provider: params.provider,
    encryptedKey: encryptSecret({ secret, owner, plaintext: key }),
    keyHint,
    now,
  });
  invalidateUserRegistry(params.userId);
  return { provider: params.provider, hint: keyHint, updatedAt: now };
}

export function removeProviderKey(db: Db, params: { userId: string; provider: KeyProvider }): void {
  if (!deleteRow(db, params)) {
    throw new QuorumError("not_found:api", "There is no stored key for this provider.");
  }
  invalidateUserRegistry(params.userId);
}

/**
 * The plaintext key, for building the user's model registry. A key that no longer decrypts
 * (AUTH_SECRET was changed) counts as absent, with a warning that names no part of it.
 */
export function readProviderKey(
  db: Db,
  params: { userId: string; provider: KeyProvider },
): string | null {
  const row = getProviderKey(db, params);
  if (!row) return null;
  return decryptOrNull(row.encryptedKey, params.userId, `${params.provider} key`);
}

export function decryptOrNull(stored: string, userId: string, what: string): string | null {
  try {
    return decryptSecret({ ...secretFor(userId), stored });
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    console.warn(`quorum: a stored ${what} of user ${userId} could not be decrypted; re-enter it`);
    return null;
  }
}

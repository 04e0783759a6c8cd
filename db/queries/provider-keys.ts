/**
 * Users' provider keys and custom endpoints. Only ciphertext and masked hints are stored here
 * (lib/settings/keys.ts encrypts); every read and write is scoped by the owner's id.
 */
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, max } from "drizzle-orm";
import type { Db } from "../client";
import { type ProviderKeyRow, providerKeys, type UserEndpointRow, userEndpoints } from "../schema";

export function listProviderKeys(db: Db, params: { userId: string }): ProviderKeyRow[] {
  return db
    .select()
    .from(providerKeys)
    .where(eq(providerKeys.userId, params.userId))
    .orderBy(asc(providerKeys.provider))
    .all();
}

export function getProviderKey(
  db: Db,
  params: { userId: string; provider: string },
): ProviderKeyRow | undefined {
  return db
    .select()
    .from(providerKeys)
    .where(and(eq(providerKeys.userId, params.userId), eq(providerKeys.provider, params.provider)))
    .get();
}

/** Saves or replaces the user's key for a provider. */
export function upsertProviderKey(
  db: Db,
  params: { userId: string; provider: string; encryptedKey: string; keyHint: string; now?: number },
): void {
  const now = params.now ?? Date.now();
  db.insert(providerKeys)
    .values({
      userId: params.userId,
      provider: params.provider,
      encryptedKey: params.encryptedKey,
      keyHint: params.keyHint,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [providerKeys.userId, providerKeys.provider],
      set: { encryptedKey: params.encryptedKey, keyHint: params.keyHint, updatedAt: now },
    })
    .run();
}

export function deleteProviderKey(db: Db, params: { userId: string; provider: string }): boolean {
  return (
    db
      .delete(providerKeys)
      .where(
        and(eq(providerKeys.userId, params.userId), eq(providerKeys.provider, params.provider)),
      )
      .run().changes > 0
  );
}

export function listUserEndpoints(db: Db, params: { userId: string }): UserEndpointRow[] {
  return db
    .select()
    .from(userEndpoints)
    .where(eq(userEndpoints.userId, params.userId))
    .orderBy(asc(userEndpoints.name))
    .all();
}

export function getUserEndpoint(
  db: Db,
  params: { userId: string; endpointId: string },
): UserEndpointRow | undefined {
  return db
    .select()
    .from(userEndpoints)
    .where(and(eq(userEndpoints.id, params.endpointId), eq(userEndpoints.userId, params.userId)))
    .get();
}

export function findUserEndpointByName(
  db: Db,
  params: { userId: string; name: string },
): UserEndpointRow | undefined {
  return db
    .select()
    .from(userEndpoints)
    .where(and(eq(userEndpoints.userId, params.userId), eq(userEndpoints.name, params.name)))
    .get();
}

export type EndpointWrite = {
  name: string;
  baseUrl: string;
  /** undefined keeps the stored key, null removes it. */
  key?: { encryptedKey: string; keyHint: string } | null;
};

export function insertUserEndpoint(
  db: Db,
  params: { userId: string; endpoint: EndpointWrite; now?: number },
): UserEndpointRow {
  const now = params.now ?? Date.now();
  const row = {
    id: randomUUID(),
    userId: params.userId,
    name: params.endpoint.name,
    baseUrl: params.endpoint.baseUrl,
    encryptedKey: params.endpoint.key?.encryptedKey ?? null,
    keyHint: params.endpoint.key?.keyHint ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return db.insert(userEndpoints).values(row).returning().get();
}

/** Returns false when the endpoint is missing or not the user's. */
export function updateUserEndpoint(
  db: Db,
  params: { userId: string; endpointId: string; endpoint: EndpointWrite; now?: number },
): boolean {
  const { key } = params.endpoint;
  return (
    db
      .update(userEndpoints)
      .set({
        name: params.endpoint.name,
        baseUrl: params.endpoint.baseUrl,
        ...(key === undefined
          ? {}
          : { encryptedKey: key?.encryptedKey ?? null, keyHint: key?.keyHint ?? null }),
        // A new address or key may serve other models: list them again.
        modelsFetchedAt: null,
        lastError: null,
        lastAttemptAt: null,
        updatedAt: params.now ?? Date.now(),
      })
      .where(and(eq(userEndpoints.id, params.endpointId), eq(userEndpoints.userId, params.userId)))
      .run().changes > 0
  );
}

/** Records the outcome of listing an endpoint's models (JSON ModelInfo[] on success). */
export function recordEndpointListing(
  db: Db,
  params: {
    userId: string;
    endpointId: string;
    at: number;
    result: { models: string } | { error: string };
  },
): void {
  const set =
    "models" in params.result
      ? {
          models: params.result.models,
          modelsFetchedAt: params.at,
          lastError: null,
          lastAttemptAt: params.at,
        }
      : { lastError: params.result.error, lastAttemptAt: params.at };
  db.update(userEndpoints)
    .set(set)
    .where(and(eq(userEndpoints.id, params.endpointId), eq(userEndpoints.userId, params.userId)))
    .run();
}

export function deleteUserEndpoint(
  db: Db,
  params: { userId: string; endpointId: string },
): boolean {
  return (
    db
      .delete(userEndpoints)
      .where(and(eq(userEndpoints.id, params.endpointId), eq(userEndpoints.userId, params.userId)))
      .run().changes > 0
  );
}

/**
 * Changes whenever the user's keys or endpoints (or their model listings) change, also when
 * another process changed them: the per-user registry cache compares it.
 */
export function userSecretsStamp(db: Db, params: { userId: string }): string {
  const keys = db
    .select({ n: count(), at: max(providerKeys.updatedAt) })
    .from(providerKeys)
    .where(eq(providerKeys.userId, params.userId))
    .get();
  const endpoints = db
    .select({
      n: count(),
      at: max(userEndpoints.updatedAt),
      listed: max(userEndpoints.modelsFetchedAt),
    })
    .from(userEndpoints)
    .where(eq(userEndpoints.userId, params.userId))
    .get();
  return [keys?.n, keys?.at, endpoints?.n, endpoints?.at, endpoints?.listed].join(":");
}

import type { ModelRegistry } from "./registry";

/**
 * Per-user model registries (lib/models/user-registry.ts), kept apart so that saving a key can
 * invalidate its owner's entry without importing the registry itself. On globalThis so Next's
 * dev reloads and separately bundled routes share one cache.
 */
type Entry = { stamp: string; registry: ModelRegistry };
const MAX_USERS = 500;

const globalForCache = globalThis as typeof globalThis & {
  __quorumUserRegistries?: Map<string, Entry>;
};

function cache(): Map<string, Entry> {
  globalForCache.__quorumUserRegistries ??= new Map();
  return globalForCache.__quorumUserRegistries;
}

export function cachedUserRegistry(userId: string, stamp: string): ModelRegistry | undefined {
  const entry = cache().get(userId);
  if (!entry || entry.stamp !== stamp) return undefined;
  // Map order is insertion order: re-inserting keeps recently used users at the end.
  cache().delete(userId);
  cache().set(userId, entry);
  return entry.registry;
}

export function storeUserRegistry(userId: string, stamp: string, registry: ModelRegistry): void {
  const entries = cache();
  entries.delete(userId);
  entries.set(userId, { stamp, registry });
  // Least recently used first: drop it when the cache is full.
  if (entries.size > MAX_USERS) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
}

/** Called when a user's keys or endpoints change (the stamp would also notice, a query later). */
export function invalidateUserRegistry(userId: string): void {
  cache().delete(userId);
}

/**
 * The models one user can reach: their own OpenRouter key and custom endpoints, falling back
 * to the server's (env) keys and endpoints, plus the simulated models. startRun resolves
 * through it, so a user can only run what their keys (or the server's) reach.
 */
import { type Db, getDb } from "@/db/client";
import { catalogStamp } from "@/db/queries/catalog";
import { listUserEndpoints, userSecretsStamp } from "@/db/queries/provider-keys";
import type { UserEndpointRow } from "@/db/schema";
import { type Env, getEnv } from "@/lib/env";
import { endpointKey, endpointModels, refreshEndpointListing } from "@/lib/settings/endpoints";
import { readProviderKey } from "@/lib/settings/keys";
import {
  ENDPOINT_MAX_AGE_MS,
  getCatalog,
  RETRY_AFTER_MS,
  refreshConfiguredCatalogs,
  refreshOpenRouterCatalog,
} from "./catalog-refresh";
import {
  APP_TITLE,
  createModelRegistry,
  type ModelRegistry,
  type ModelRegistryConfig,
  registryConfigFromEnv,
} from "./registry";
import type { ModelInfo } from "./types";
import { cachedUserRegistry, storeUserRegistry } from "./user-registry-cache";

export const USER_OPENROUTER_KEY_MISSING = "Add an OpenRouter key in Settings to use this model.";

type Deps = { db?: Db; env?: Env };

/** Registry settings for one user: their keys and endpoints over the server's. */
export function userRegistryConfig(params: {
  db: Db;
  env: Env;
  userId: string;
  catalog: ModelInfo[];
}): ModelRegistryConfig {
  const { db, env, userId } = params;
  const server = registryConfigFromEnv(env, params.catalog);
  const key = readProviderKey(db, { userId, provider: "openrouter" });
  const rows = listUserEndpoints(db, { userId });
  // A user's endpoint shadows a server one of the same name (saving one is refused, but the
  // server's list may change later).
  const own = new Set(rows.map((r) => r.name));
  return {
    ...server,
    ...(key
      ? {
          openrouter: {
            apiKey: key,
            baseURL: env.OPENROUTER_BASE_URL,
            appUrl: env.QUORUM_APP_URL,
            appTitle: APP_TITLE,
          },
        }
      : {}),
    endpoints: [
      ...server.endpoints.filter((e) => !own.has(e.name)),
      ...rows.map((r) => ({ name: r.name, baseURL: r.baseUrl, apiKey: endpointKey(r, userId) })),
    ],
    catalog: [
      ...params.catalog.filter((m) => !own.has(m.provider)),
      ...rows.flatMap(endpointModels),
    ],
    openrouterKeyMissing: USER_OPENROUTER_KEY_MISSING,
  };
}

// Tests open their own databases: a cache entry belongs to one database.
const dbIds = new WeakMap<Db, number>();
let nextDbId = 0;
function dbId(db: Db): number {
  let id = dbIds.get(db);
  if (id === undefined) {
    id = nextDbId++;
    dbIds.set(db, id);
  }
  return id;
}

/**
 * The user's registry, cached per user and rebuilt when the catalog or the user's keys and
 * endpoints change (a stamp read from the database, so changes by another process count too).
 */
export function getModelRegistryForUser(userId: string, deps: Deps = {}): ModelRegistry {
  const db = deps.db ?? getDb();
  const env = deps.env ?? getEnv();
  const stamp = `${catalogStamp(db)}|${userSecretsStamp(db, { userId })}`;
  const cacheKey = `${dbId(db)}:${userId}`;
  const cached = cachedUserRegistry(cacheKey, stamp);
  if (cached && !deps.env) return cached;
  const registry = createModelRegistry(
    userRegistryConfig({ db, env, userId, catalog: getCatalog(db) }),
  );
  if (!deps.env) storeUserRegistry(cacheKey, stamp, registry);
  return registry;
}

/** Every model the user may see, with whether their keys (or the server's) reach it. */
export async function listAvailableModelsForUser(userId: string, deps: Deps = {}) {
  const db = deps.db ?? getDb();
  const env = deps.env ?? getEnv();
  await refreshUserCatalogs({ db, env, userId });
  const registry = getModelRegistryForUser(userId, deps);
  return registry.list().map((model) => {
    const reach = registry.reachable(model.id);
    return { ...model, reachable: reach.ok, unreachableReason: reach.ok ? null : reach.reason };
  });
}

function logFailure(result: { status: string; provider: string; error?: { message: string } }) {
  if (result.status === "failed") {
    console.warn(`quorum: catalog refresh for ${result.provider} failed: ${result.error?.message}`);
  }
}

/**
 * The server's catalogs, OpenRouter's with the user's key when the server has none, and the
 * user's endpoints: awaited the first time (nothing listed yet), in the background when stale.
 */
async function refreshUserCatalogs(params: { db: Db; env: Env; userId: string }) {
  const { db, env, userId } = params;
  await refreshConfiguredCatalogs({ db, env });
  if (!env.OPENROUTER_API_KEY) {
    const key = readProviderKey(db, { userId, provider: "openrouter" });
    if (key) {
      void refreshOpenRouterCatalog({ db, baseURL: env.OPENROUTER_BASE_URL, apiKey: key }).then(
        logFailure,
      );
    }
  }
  const now = Date.now();
  const first: Promise<void>[] = [];
  for (const row of listUserEndpoints(db, { userId })) {
    if (!isDue(row, now)) continue;
    const pending = refreshEndpointListing(db, { userId, row });
    if (row.modelsFetchedAt === null) first.push(pending);
  }
  await Promise.all(first);
}

function isDue(row: UserEndpointRow, now: number): boolean {
  if (row.lastError && row.lastAttemptAt !== null && now - row.lastAttemptAt < RETRY_AFTER_MS) {
    return false;
  }
  return row.modelsFetchedAt === null || now - row.modelsFetchedAt >= ENDPOINT_MAX_AGE_MS;
}

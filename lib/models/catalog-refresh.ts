/**
 * Keeps the cached catalog fresh. These GETs of `/models` are the only HTTP calls Quorum makes
 * outside the AI SDK: they are not model calls, so plain fetch is right here.
 * Nothing in this file throws into a page: failures keep the cached catalog and are returned.
 */

import type { Db } from "@/db/client";
import {
  catalogFetchedAt,
  lastCatalogAttempt,
  loadCatalog,
  recordCatalogAttempt,
  saveCatalog,
} from "@/db/queries/catalog";
import type { Env } from "@/lib/env";
import { isQuorumError, QuorumError } from "@/lib/errors";
import { OPENROUTER_PROVIDER, parseEndpointModelList, parseOpenRouterCatalog } from "./catalog";
import snapshotJson from "./catalog-snapshot.json";
import type { ModelInfo } from "./types";

/** OpenRouter's prices change rarely; refreshing more often only costs requests. */
export const OPENROUTER_MAX_AGE_MS = 6 * 60 * 60 * 1000;
/** Local servers gain models whenever the user pulls one, so look again soon. */
export const ENDPOINT_MAX_AGE_MS = 2 * 60 * 1000;
/** After a failure, wait this long before trying again, so an offline host is not re-tried per view. */
export const RETRY_AFTER_MS = 60 * 1000;
const OPENROUTER_TIMEOUT_MS = 15_000;
const ENDPOINT_TIMEOUT_MS = 3_000;

export type FetchImpl = typeof fetch;

export type RefreshResult =
  | { status: "refreshed"; provider: string; count: number; skipped: number; fetchedAt: number }
  | { status: "fresh"; provider: string; fetchedAt: number }
  | { status: "backing-off"; provider: string; fetchedAt: number | null; lastError: string }
  | { status: "failed"; provider: string; fetchedAt: number | null; error: QuorumError };

/** The catalog shipped with the app (from a real OpenRouter response), for before any fetch. */
export const OFFLINE_SNAPSHOT: readonly ModelInfo[] = snapshotJson as unknown as ModelInfo[];

/**
 * OpenRouter models from the database when a fetch has ever succeeded, else the offline
 * snapshot; then cached custom-endpoint models. Simulated models are not part of the catalog.
 */
export function getCatalog(db: Db): ModelInfo[] {
  const cached = loadCatalog(db);
  const hasOpenRouter = cached.some((m) => m.provider === OPENROUTER_PROVIDER);
  return hasOpenRouter ? cached : [...OFFLINE_SNAPSHOT, ...cached];
}

type RefreshOptions = {
  db: Db;
  fetchImpl?: FetchImpl;
  /** Ignore the age and back-off checks (an explicit "refresh now"). */
  force?: boolean;
  now?: () => number;
};

/** GET `${baseURL}/models`, parse, replace OpenRouter's cached rows, at most every 6 hours. */
export function refreshOpenRouterCatalog(
  options: RefreshOptions & { baseURL: string; apiKey?: string },
): Promise<RefreshResult> {
  const { baseURL, apiKey, fetchImpl } = options;
  return refreshProvider(options, OPENROUTER_PROVIDER, OPENROUTER_MAX_AGE_MS, async () => {
    let skipped = 0;
    const json = await getJson({
      url: modelsUrl(baseURL),
      apiKey,
      fetchImpl,
      timeoutMs: OPENROUTER_TIMEOUT_MS,
      label: "OpenRouter",
      surface: "catalog",
    });
    const models = parseOpenRouterCatalog(json, { onSkip: () => skipped++ });
    // An empty list is far more likely a broken proxy than OpenRouter having no models.
    if (models.length === 0) {
      throw new QuorumError("upstream:catalog", "OpenRouter returned an empty model list.");
    }
    return { models, skipped };
  });
}

/** The models a custom OpenAI-compatible endpoint serves (`GET ${baseURL}/models`). */
export async function listEndpointModels(params: {
  name: string;
  baseURL: string;
  apiKey?: string;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
}): Promise<ModelInfo[]> {
  const json = await getJson({
    url: modelsUrl(params.baseURL),
    apiKey: params.apiKey,
    fetchImpl: params.fetchImpl,
    timeoutMs: params.timeoutMs ?? ENDPOINT_TIMEOUT_MS,
    label: `Endpoint "${params.name}"`,
    surface: "endpoint",
  });
  return parseEndpointModelList(params.name, json);
}

/** Re-lists a custom endpoint's models into the cache, at most every 2 minutes. */
export function refreshEndpointCatalog(
  options: RefreshOptions & { endpoint: { name: string; baseURL: string; apiKey?: string } },
): Promise<RefreshResult> {
  const { endpoint, fetchImpl } = options;
  return refreshProvider(options, endpoint.name, ENDPOINT_MAX_AGE_MS, async () => ({
    models: await listEndpointModels({ ...endpoint, fetchImpl }),
    skipped: 0,
  }));
}

function logFailure(result: RefreshResult): void {
  if (result.status === "failed") {
    console.warn(`quorum: catalog refresh for ${result.provider} failed: ${result.error.message}`);
  }
}

/**
 * Refreshes the catalogs that are due. OpenRouter always refreshes in the background (the
 * cache or the offline snapshot answers meanwhile), and only with a key: an install without
 * one never calls out. An endpoint is awaited only the first time, when nothing is cached.
 */
export async function refreshConfiguredCatalogs(params: { db: Db; env: Env }): Promise<void> {
  const { db, env } = params;
  if (env.OPENROUTER_API_KEY) {
    void refreshOpenRouterCatalog({
      db,
      baseURL: env.OPENROUTER_BASE_URL,
      apiKey: env.OPENROUTER_API_KEY,
    }).then(logFailure);
  }
  const firstListings: Promise<void>[] = [];
  for (const endpoint of env.QUORUM_ENDPOINTS) {
    const neverListed = catalogFetchedAt(db, { provider: endpoint.name }) === null;
    const pending = refreshEndpointCatalog({ db, endpoint }).then(logFailure);
    if (neverListed) firstListings.push(pending);
  }
  await Promise.all(firstListings);
}

// One refresh per database and provider at a time: concurrent page views share it.
const inFlight = new WeakMap<Db, Map<string, Promise<RefreshResult>>>();

function refreshProvider(
  options: RefreshOptions,
  provider: string,
  maxAgeMs: number,
  fetchModels: () => Promise<{ models: ModelInfo[]; skipped: number }>,
): Promise<RefreshResult> {
  const { db, force = false, now = Date.now } = options;
  const running = inFlight.get(db) ?? new Map<string, Promise<RefreshResult>>();
  inFlight.set(db, running);
  const existing = running.get(provider);
  if (existing) return existing;

  const run = (async (): Promise<RefreshResult> => {
    let fetchedAt: number | null = null;
    try {
      fetchedAt = catalogFetchedAt(db, { provider });
      if (!force) {
        if (fetchedAt !== null && now() - fetchedAt < maxAgeMs) {
          return { status: "fresh", provider, fetchedAt };
        }
        const attempt = lastCatalogAttempt(db, { provider });
        if (attempt?.error && now() - attempt.at < RETRY_AFTER_MS) {
          return { status: "backing-off", provider, fetchedAt, lastError: attempt.error };
        }
      }
      const { models, skipped } = await fetchModels();
      const at = now();
      saveCatalog(db, { provider, models, fetchedAt: at });
      recordCatalogAttempt(db, { provider, at, error: null });
      return { status: "refreshed", provider, count: models.length, skipped, fetchedAt: at };
    } catch (cause) {
      const error = isQuorumError(cause)
        ? cause
        : new QuorumError("internal:catalog", "Reading or saving the model catalog failed.", {
            cause,
          });
      try {
        recordCatalogAttempt(db, { provider, at: now(), error: error.message });
      } catch {
        // The database itself failing is reported through `error` already.
      }
      return { status: "failed", provider, fetchedAt, error };
    }
  })().finally(() => running.delete(provider));
  running.set(provider, run);
  return run;
}

function modelsUrl(baseURL: string): string {
  return `${baseURL.replace(/\/+$/, "")}/models`;
}

/** GETs JSON; every failure becomes a QuorumError whose message is safe to show (no key). */
async function getJson(params: {
  url: string;
  apiKey?: string;
  fetchImpl?: FetchImpl;
  timeoutMs: number;
  label: string;
  surface: "catalog" | "endpoint";
}): Promise<unknown> {
  const { url, apiKey, label, surface } = params;
  const fetchImpl = params.fetchImpl ?? fetch;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(params.timeoutMs) });
  } catch (cause) {
    const why =
      cause instanceof Error && cause.name === "TimeoutError"
        ? `no answer within ${params.timeoutMs / 1000} s`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    throw new QuorumError(`upstream:${surface}`, `Could not reach ${label} at ${url} (${why}).`, {
      cause,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new QuorumError(
      `upstream:${surface}`,
      `${label} answered HTTP ${response.status} to GET ${url}.`,
    );
  }
  try {
    return await response.json();
  } catch (cause) {
    throw new QuorumError(`upstream:${surface}`, `${label} returned invalid JSON from ${url}.`, {
      cause,
    });
  }
}

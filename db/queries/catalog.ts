/**
 * The cached model catalog. Each provider's models are replaced as a whole on refresh; the
 * time of the last good fetch and of the last attempt live in `meta`, so a provider with no
 * models (an empty endpoint) still has a fetch time and a failing one is not retried on
 * every page view. Synchronous, like better-sqlite3 itself (drizzle's transactions on this
 * driver must be synchronous).
 */
import { asc, eq, inArray, like, sql } from "drizzle-orm";
import type { ModelInfo } from "@/lib/models/types";
import type { Db } from "../client";
import { type CatalogModelRow, catalogModels, meta } from "../schema";

const fetchedKey = (provider: string) => `catalog:${provider}:fetched_at`;
const attemptKey = (provider: string) => `catalog:${provider}:attempt`;

/** Rows per INSERT, well under SQLite's bound-parameter limit (10 columns per row). */
const CHUNK = 200;

/** Replaces all of `provider`'s models with `models`, atomically. */
export function saveCatalog(
  db: Db,
  params: { provider: string; models: readonly ModelInfo[]; fetchedAt: number },
): void {
  const { provider, models, fetchedAt } = params;
  const foreign = models.find((m) => m.provider !== provider);
  if (foreign) {
    throw new Error(`saveCatalog(${provider}): model ${foreign.id} belongs to ${foreign.provider}`);
  }
  const rows = models.map((m) => ({
    id: m.id,
    provider,
    upstreamId: m.upstreamId,
    name: m.name,
    contextLength: m.contextLength,
    inputPricePerMTok: m.inputPricePerMTok,
    outputPricePerMTok: m.outputPricePerMTok,
    supportedParameters: JSON.stringify(m.supportedParameters),
    // The normalised ModelInfo, so loading needs no knowledge of each upstream's format.
    raw: JSON.stringify(m),
    fetchedAt,
  }));
  db.transaction((tx) => {
    tx.delete(catalogModels).where(eq(catalogModels.provider, provider)).run();
    for (let i = 0; i < rows.length; i += CHUNK) {
      tx.insert(catalogModels)
        .values(rows.slice(i, i + CHUNK))
        .run();
    }
    upsertMeta(tx, fetchedKey(provider), String(fetchedAt));
  });
}

/** The cached models, of one provider or all, in the order they were saved. */
export function loadCatalog(db: Db, params: { provider?: string } = {}): ModelInfo[] {
  const query = db.select().from(catalogModels);
  const rows =
    params.provider === undefined
      ? query.orderBy(asc(sql`rowid`)).all()
      : query.where(eq(catalogModels.provider, params.provider)).orderBy(asc(sql`rowid`)).all();
  return rows.map(rowToModelInfo);
}

/** When `provider`'s catalog was last fetched successfully (ms), or null if never. */
export function catalogFetchedAt(db: Db, params: { provider: string }): number | null {
  const row = db
    .select()
    .from(meta)
    .where(eq(meta.key, fetchedKey(params.provider)))
    .get();
  if (row) return toTime(row.value);
  // Rows saved without the meta key (e.g. by hand) still date the catalog.
  const latest = db
    .select({ at: sql<number | null>`max(${catalogModels.fetchedAt})` })
    .from(catalogModels)
    .where(eq(catalogModels.provider, params.provider))
    .get();
  return latest?.at ?? null;
}

/** Fetch times of every provider with a cached catalog; changes whenever any is saved. */
export function catalogStamp(db: Db): string {
  return db
    .select()
    .from(meta)
    .where(like(meta.key, "catalog:%:fetched_at"))
    .orderBy(asc(meta.key))
    .all()
    .map((r) => `${r.key}=${r.value}`)
    .join(";");
}

export type CatalogAttempt = { at: number; error: string | null };

/** Records a refresh attempt, successful (`error: null`) or not, for back-off. */
export function recordCatalogAttempt(
  db: Db,
  params: { provider: string; at: number; error: string | null },
): void {
  const value: CatalogAttempt = { at: params.at, error: params.error };
  upsertMeta(db, attemptKey(params.provider), JSON.stringify(value));
}

export function lastCatalogAttempt(db: Db, params: { provider: string }): CatalogAttempt | null {
  const row = db
    .select()
    .from(meta)
    .where(eq(meta.key, attemptKey(params.provider)))
    .get();
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as Partial<CatalogAttempt>;
    return typeof value.at === "number"
      ? { at: value.at, error: typeof value.error === "string" ? value.error : null }
      : null;
  } catch {
    return null;
  }
}

/** Removes the cached models and times of providers (e.g. an endpoint that was unconfigured). */
export function deleteCatalog(db: Db, params: { providers: readonly string[] }): void {
  if (params.providers.length === 0) return;
  db.transaction((tx) => {
    tx.delete(catalogModels)
      .where(inArray(catalogModels.provider, [...params.providers]))
      .run();
    const keys = params.providers.flatMap((p) => [fetchedKey(p), attemptKey(p)]);
    tx.delete(meta).where(inArray(meta.key, keys)).run();
  });
}

type Writer = Pick<Db, "insert">;

function upsertMeta(db: Writer, key: string, value: string): void {
  db.insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value } })
    .run();
}

function toTime(value: string): number | null {
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Columns are authoritative; `raw` fills in the fields that have no column. */
function rowToModelInfo(row: CatalogModelRow): ModelInfo {
  const raw = parseJson(row.raw);
  const extra = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<ModelInfo>;
  const params = parseJson(row.supportedParameters);
  const supportedParameters = Array.isArray(params)
    ? params.filter((p): p is string => typeof p === "string")
    : [];
  const caps = extra.capabilities;
  return {
    id: row.id,
    upstreamId: row.upstreamId,
    provider: row.provider,
    vendor: typeof extra.vendor === "string" ? extra.vendor : row.provider,
    name: row.name,
    description: typeof extra.description === "string" ? extra.description : "",
    simulated: false,
    contextLength: row.contextLength,
    inputPricePerMTok: row.inputPricePerMTok,
    outputPricePerMTok: row.outputPricePerMTok,
    maxCompletionTokens:
      typeof extra.maxCompletionTokens === "number" ? extra.maxCompletionTokens : null,
    supportedParameters,
    capabilities: {
      tools: caps?.tools === true,
      reasoning: caps?.reasoning === true,
      structuredOutput: caps?.structuredOutput === true,
    },
    created: typeof extra.created === "number" ? extra.created : null,
  };
}

import type { ModelCapabilities, ModelInfo } from "./types";

/**
 * Search, filter and sort over the model catalog, run in the browser on every keystroke.
 * The lower-cased haystack of each model is built once (`indexCatalog`), so a query over
 * thousands of models is a tight loop of `includes` calls.
 */
export type PriceBand = "free" | "cheap" | "mid" | "premium";
export type CatalogSort = "relevance" | "price-asc" | "price-desc" | "context-desc" | "newest";

export type CatalogQuery = {
  text?: string;
  providers?: readonly string[];
  priceBands?: readonly PriceBand[];
  minContext?: number;
  capabilities?: readonly (keyof ModelCapabilities)[];
  sort?: CatalogSort;
};

/** By output price per million tokens, the price that dominates a panel's cost. */
export const PRICE_BANDS: Record<PriceBand, { label: string; test: (usd: number) => boolean }> = {
  free: { label: "Free", test: (p) => p === 0 },
  cheap: { label: "Under $1/M", test: (p) => p > 0 && p < 1 },
  mid: { label: "$1–$10/M", test: (p) => p >= 1 && p <= 10 },
  premium: { label: "Over $10/M", test: (p) => p > 10 },
};

/** What search reads of a model: the browser gets this slim copy, not the whole ModelInfo. */
export type SearchableModel = Pick<
  ModelInfo,
  | "id"
  | "name"
  | "vendor"
  | "provider"
  | "simulated"
  | "contextLength"
  | "inputPricePerMTok"
  | "outputPricePerMTok"
  | "capabilities"
  | "created"
>;

export type IndexedModel<M extends SearchableModel = ModelInfo> = { model: M; haystack: string };

export function indexCatalog<M extends SearchableModel>(models: readonly M[]): IndexedModel<M>[] {
  return models.map((model) => ({
    model,
    haystack:
      `${model.name}\n${model.id}\n${model.vendor}${model.simulated ? "\nsimulated" : ""}`.toLowerCase(),
  }));
}

function priceBand(model: SearchableModel): PriceBand | null {
  const p = model.outputPricePerMTok;
  if (p === null) return null;
  for (const [band, { test }] of Object.entries(PRICE_BANDS)) if (test(p)) return band as PriceBand;
  return null;
}

/** Total price per million tokens, unknown prices last. */
function price(model: SearchableModel): number {
  if (model.inputPricePerMTok === null || model.outputPricePerMTok === null)
    return Number.POSITIVE_INFINITY;
  return model.inputPricePerMTok + model.outputPricePerMTok;
}

export function searchCatalog<M extends SearchableModel>(
  index: readonly IndexedModel<M>[],
  query: CatalogQuery,
): M[] {
  // Every word must match somewhere: "opus 4.7" finds "Claude Opus 4.7".
  const words = (query.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const providers = query.providers?.length ? new Set(query.providers) : null;
  const bands = query.priceBands?.length ? new Set(query.priceBands) : null;
  const caps = query.capabilities ?? [];
  const minContext = query.minContext ?? 0;
  const hits: { model: M; rank: number }[] = [];
  for (const entry of index) {
    const m = entry.model;
    if (providers && !providers.has(m.provider)) continue;
    if (minContext > 0 && (m.contextLength ?? 0) < minContext) continue;
    if (bands) {
      const band = priceBand(m);
      if (!band || !bands.has(band)) continue;
    }
    if (caps.some((c) => !m.capabilities[c])) continue;
    let rank = 0;
    let matched = true;
    for (const word of words) {
      const at = entry.haystack.indexOf(word);
      if (at < 0) {
        matched = false;
        break;
      }
      rank += at;
    }
    if (matched) hits.push({ model: m, rank });
  }
  const sort = query.sort ?? "relevance";
  if (sort === "relevance" && words.length > 0) hits.sort((a, b) => a.rank - b.rank);
  else if (sort === "price-asc") hits.sort((a, b) => price(a.model) - price(b.model));
  else if (sort === "price-desc") {
    hits.sort((a, b) => {
      const pa = price(a.model);
      const pb = price(b.model);
      return (Number.isFinite(pb) ? pb : -1) - (Number.isFinite(pa) ? pa : -1);
    });
  } else if (sort === "context-desc") {
    hits.sort((a, b) => (b.model.contextLength ?? 0) - (a.model.contextLength ?? 0));
  } else if (sort === "newest")
    hits.sort((a, b) => (b.model.created ?? 0) - (a.model.created ?? 0));
  return hits.map((h) => h.model);
}

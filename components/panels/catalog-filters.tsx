"use client";

import { useId } from "react";
import {
  type CatalogQuery,
  type CatalogSort,
  PRICE_BANDS,
  type PriceBand,
} from "@/lib/models/catalog-search";
import type { ModelCapabilities } from "@/lib/models/types";

export type CatalogFilters = {
  text: string;
  provider: string;
  priceBand: PriceBand | "";
  minContext: number;
  capabilities: (keyof ModelCapabilities)[];
  sort: CatalogSort;
  reachableOnly: boolean;
};

export const NO_FILTERS: CatalogFilters = {
  text: "",
  provider: "",
  priceBand: "",
  minContext: 0,
  capabilities: [],
  sort: "relevance",
  reachableOnly: false,
};

export function toQuery(f: CatalogFilters): CatalogQuery {
  return {
    text: f.text,
    ...(f.provider ? { providers: [f.provider] } : {}),
    ...(f.priceBand ? { priceBands: [f.priceBand] } : {}),
    minContext: f.minContext,
    capabilities: f.capabilities,
    sort: f.sort,
  };
}

const CONTEXTS = [
  { value: 0, label: "Any context" },
  { value: 32_000, label: "32K+ tokens" },
  { value: 128_000, label: "128K+ tokens" },
  { value: 200_000, label: "200K+ tokens" },
  { value: 1_000_000, label: "1M+ tokens" },
];

const SORTS: { value: CatalogSort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "price-asc", label: "Price: low to high" },
  { value: "price-desc", label: "Price: high to low" },
  { value: "context-desc", label: "Context: largest first" },
  { value: "newest", label: "Newest" },
];

const CAPABILITIES: { value: keyof ModelCapabilities; label: string }[] = [
  { value: "tools", label: "Tools" },
  { value: "reasoning", label: "Reasoning" },
  { value: "structuredOutput", label: "Structured output" },
];

export function providerLabel(provider: string): string {
  if (provider === "openrouter") return "OpenRouter";
  if (provider === "sim") return "Simulated";
  return provider;
}

const select =
  "min-w-0 rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900";

export function CatalogFiltersForm({
  filters,
  providers,
  onChange,
}: {
  filters: CatalogFilters;
  providers: readonly string[];
  onChange: (patch: Partial<CatalogFilters>) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <label htmlFor={`${id}-q`} className="sr-only">
          Search models
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={filters.text}
          onChange={(e) => onChange({ text: e.target.value })}
          placeholder="Search by name or id, e.g. opus 4.7"
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <div className="grid grid-cols-2 gap-1.5">
        <select
          aria-label="Provider"
          value={filters.provider}
          onChange={(e) => onChange({ provider: e.target.value })}
          className={select}
        >
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p} value={p}>
              {providerLabel(p)}
            </option>
          ))}
        </select>
        <select
          aria-label="Price"
          value={filters.priceBand}
          onChange={(e) => onChange({ priceBand: e.target.value as PriceBand | "" })}
          className={select}
        >
          <option value="">Any price</option>
          {Object.entries(PRICE_BANDS).map(([band, { label }]) => (
            <option key={band} value={band}>
              {label} output
            </option>
          ))}
        </select>
        <select
          aria-label="Context length"
          value={filters.minContext}
          onChange={(e) => onChange({ minContext: Number(e.target.value) })}
          className={select}
        >
          {CONTEXTS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort by"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.target.value as CatalogSort })}
          className={select}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
        <legend className="sr-only">Capabilities and reach</legend>
        {CAPABILITIES.map((c) => (
          <label key={c.value} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={filters.capabilities.includes(c.value)}
              onChange={(e) =>
                onChange({
                  capabilities: e.target.checked
                    ? [...filters.capabilities, c.value]
                    : filters.capabilities.filter((x) => x !== c.value),
                })
              }
            />
            {c.label}
          </label>
        ))}
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={filters.reachableOnly}
            onChange={(e) => onChange({ reachableOnly: e.target.checked })}
          />
          Reachable only
        </label>
      </fieldset>
    </div>
  );
}

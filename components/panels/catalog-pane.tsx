"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { indexCatalog, searchCatalog } from "@/lib/models/catalog-search";
import type { ModelOption } from "@/lib/models/model-option";
import { useModels } from "../room/models-context";
import { type CatalogFilters, CatalogFiltersForm, NO_FILTERS, toQuery } from "./catalog-filters";
import { CARD_HEIGHT, ModelCard } from "./model-card";
import type { Role } from "./panel-draft";

/**
 * The searchable catalog: every model the user's keys, endpoints and the simulator offer. The
 * index is built once per catalog and searched synchronously on each keystroke (a loop of
 * `includes`: about 0.3 ms for 3,600 models, see bench/builder-search.ts); only the cards in
 * view are rendered, so the size of the list does not slow typing down.
 */
export function CatalogPane({
  onAdd,
  onRole,
}: {
  onAdd: (model: string) => void;
  onRole: (role: Role, model: string) => void;
}) {
  const { models } = useModels();
  const index = useMemo(() => indexCatalog(models), [models]);
  const providers = useMemo(
    () => [...new Set(models.map((m) => m.provider))].sort((a, b) => a.localeCompare(b)),
    [models],
  );
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const results = useMemo(() => {
    const hits = searchCatalog(index, toQuery(filters));
    return filters.reachableOnly ? hits.filter((m) => m.reachable) : hits;
  }, [index, filters]);
  const headingId = useId();

  return (
    <section
      aria-labelledby={headingId}
      className="flex min-h-0 flex-col gap-2 border-zinc-200 p-3 md:border-r dark:border-zinc-800"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Models
        </h2>
        <p className="text-xs text-zinc-500" aria-live="polite" data-testid="catalog-count">
          {results.length === models.length
            ? `${models.length} models`
            : `${results.length} of ${models.length} models`}
        </p>
      </div>
      <CatalogFiltersForm
        filters={filters}
        providers={providers}
        onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
      />
      <CatalogList
        models={results}
        resultsFor={filters.text}
        onAdd={onAdd}
        onRole={onRole}
        onClear={() => setFilters(NO_FILTERS)}
      />
    </section>
  );
}

const MOVES: Record<string, (i: number, n: number, page: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, n, page) => Math.min(n - 1, i + page),
  PageUp: (i, _n, page) => Math.max(0, i - page),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The virtualised list. It is one stop in the Tab order, not hundreds: only the current card's
 * buttons are tabbable, and the arrow keys (Page Up/Down, Home, End) move to another card, the
 * same button keeping focus. Without this, Tab would walk the whole catalog before the panel.
 */
function CatalogList({
  models,
  resultsFor,
  onAdd,
  onRole,
  onClear,
}: {
  models: readonly ModelOption[];
  /** The search text these results are for (benchmarks wait for it to match the input). */
  resultsFor: string;
  onAdd: (model: string) => void;
  onRole: (role: Role, model: string) => void;
  onClear: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const hintId = useId();
  const [current, setCurrent] = useState(0);
  const pendingFocus = useRef<{ index: number; action: string } | null>(null);
  const virtualizer = useVirtualizer({
    count: models.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    getItemKey: (i) => models[i]?.id ?? i,
    overscan: 4,
    // The server renders the first cards too, before the scroller can be measured.
    initialRect: { width: 360, height: 900 },
  });
  // New results start at the top: the best match is what the user is looking for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll on every new result list
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setCurrent(0);
  }, [models]);
  // After an arrow key, focus the same button on the card moved to, once it is rendered.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.index !== current) return;
    const button = list.current?.querySelector<HTMLElement>(
      `[data-index="${current}"] [data-action="${pending.action}"]`,
    );
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  });

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const move = MOVES[event.key];
    const action = (event.target as HTMLElement).dataset.action;
    if (!move || !action || models.length === 0) return;
    event.preventDefault();
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / CARD_HEIGHT));
    const next = move(current, models.length, page);
    pendingFocus.current = { index: next, action };
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  }

  return (
    <div ref={scroller} className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
      {models.length === 0 ? (
        <p className="p-4 text-center text-sm text-zinc-500">
          No model matches these filters.{" "}
          <button
            type="button"
            className="text-sky-700 underline dark:text-sky-400"
            onClick={onClear}
          >
            Clear filters
          </button>
        </p>
      ) : null}
      <p id={hintId} className="sr-only">
        Up and down arrow keys move between models.
      </p>
      {/* Arrow keys and focus from the cards' buttons bubble up to the list. */}
      <ul
        ref={list}
        aria-label="Model catalog"
        aria-describedby={hintId}
        data-testid="catalog-list"
        data-results-for={resultsFor}
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        // A click or Tab into another card makes it the current one.
        onFocus={(event) => {
          const item = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
          if (item) setCurrent(Number(item.dataset.index));
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const model = models[item.index];
          if (!model) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              aria-setsize={models.length}
              aria-posinset={item.index + 1}
              className="absolute inset-x-0 top-0"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <ModelCard
                model={model}
                tabbable={item.index === Math.min(current, models.length - 1)}
                onAdd={onAdd}
                onRole={onRole}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

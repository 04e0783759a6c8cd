"use client";

import { useId, useState } from "react";
import type { SavedPanel } from "@/lib/panels/config";
import { formatMicroUsd } from "./cost-estimate";
import { useSavedPanelMutations } from "./use-saved-panels";

/** The user's saved panels: open one, rename, duplicate or delete it (after confirming). */
export function SavedPanelsList({
  panels,
  currentId,
  onOpen,
  onRenamed,
  onDeleted,
  announce,
}: {
  panels: readonly SavedPanel[];
  currentId: string | null;
  onOpen: (panel: SavedPanel) => void;
  onRenamed: (panel: SavedPanel) => void;
  onDeleted: (id: string) => void;
  announce: (message: string) => void;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-sm font-semibold">
        Saved panels
      </h3>
      {panels.length === 0 ? (
        <p className="text-xs text-zinc-500">
          None yet. Name the panel above and save it to reuse it and measure what it costs.
        </p>
      ) : (
        <ul className="flex flex-col gap-1.5" aria-labelledby={headingId}>
          {panels.map((p) => (
            <SavedPanelItem
              key={p.id}
              panel={p}
              current={p.id === currentId}
              onOpen={onOpen}
              onRenamed={onRenamed}
              onDeleted={onDeleted}
              announce={announce}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedPanelItem({
  panel,
  current,
  onOpen,
  onRenamed,
  onDeleted,
  announce,
}: {
  panel: SavedPanel;
  current: boolean;
  onOpen: (panel: SavedPanel) => void;
  onRenamed: (panel: SavedPanel) => void;
  onDeleted: (id: string) => void;
  announce: (message: string) => void;
}) {
  const { rename, duplicate, remove } = useSavedPanelMutations();
  const [mode, setMode] = useState<"view" | "rename" | "confirm">("view");
  const [name, setName] = useState(panel.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function saveName() {
    const result = await rename.mutateAsync({ id: panel.id, name });
    if (!result.ok) return setError(result.error);
    setError(null);
    setMode("view");
    onRenamed(result.panel);
    announce(`Renamed to “${result.panel.name}”.`);
  }

  async function copy() {
    const result = await duplicate.mutateAsync(panel.id);
    setError(result.ok ? null : result.error);
    if (result.ok) announce(`Saved a copy, “${result.panel.name}”.`);
  }

  async function del() {
    const result = await remove.mutateAsync(panel.id);
    if (!result.ok) return setError(result.error);
    onDeleted(panel.id);
    announce(`Deleted “${panel.name}”.`);
  }

  const stats =
    panel.avgCostMicroUsd === null
      ? "no runs yet"
      : `${formatMicroUsd(panel.avgCostMicroUsd)} average over ${panel.runs} run${panel.runs === 1 ? "" : "s"}`;

  return (
    <li
      data-testid="saved-panel"
      data-panel-id={panel.id}
      className={`flex flex-col gap-1 rounded-lg border p-2 text-sm ${
        current ? "border-sky-400 dark:border-sky-700" : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      {mode === "rename" ? (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            void saveName();
          }}
        >
          <label htmlFor={`${id}-name`} className="sr-only">
            New name for {panel.name}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" className="card-action" disabled={rename.isPending}>
            Save name
          </button>
          <button type="button" className="card-action" onClick={() => setMode("view")}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex items-center gap-2">
          <span className="flex min-w-0 flex-1 items-baseline gap-1">
            <span className="truncate font-medium" data-testid="saved-panel-name">
              {panel.name}
            </span>
            {current ? (
              <span className="text-xs text-sky-700 dark:text-sky-400">(open)</span>
            ) : null}
          </span>
          <span className="shrink-0 text-xs text-zinc-500">
            {panel.config.panel.length} panelists · {stats}
          </span>
        </div>
      )}
      {mode === "confirm" ? (
        <div className="flex items-center gap-1 text-xs">
          <span className="mr-1">Delete “{panel.name}”? Past runs keep their panel.</span>
          <button type="button" className="btn-danger text-xs" onClick={() => void del()}>
            Delete
          </button>
          <button type="button" className="card-action" onClick={() => setMode("view")}>
            Cancel
          </button>
        </div>
      ) : mode === "view" ? (
        <div className="flex gap-1">
          <button
            type="button"
            className="card-action"
            aria-label={`Open ${panel.name}`}
            onClick={() => onOpen(panel)}
          >
            Open
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Rename ${panel.name}`}
            onClick={() => {
              setName(panel.name);
              setMode("rename");
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Duplicate ${panel.name}`}
            disabled={duplicate.isPending}
            onClick={() => void copy()}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Delete ${panel.name}`}
            onClick={() => setMode("confirm")}
          >
            Delete
          </button>
        </div>
      ) : null}
      {error ? <p className="text-xs text-red-700 dark:text-red-300">{error}</p> : null}
    </li>
  );
}

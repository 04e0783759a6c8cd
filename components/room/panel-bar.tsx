"use client";

import { useId, useState } from "react";
import { MAX_PANELISTS, type PanelConfigDraft } from "@/lib/fusion/input";
import type { SavedPanel } from "@/lib/panels/config";
import { ESTIMATE_ASSUMPTION, estimateRun, formatUsd } from "../panels/cost-estimate";
import { type ModelOption, useModels } from "./models-context";
import { addPanelist, removePanelist, setRoleModel } from "./panel-draft";

/**
 * Models grouped by provider, simulated first, as the registry lists them. Unreachable models
 * are disabled; when a whole provider is unreachable for one reason (no API key), the group
 * says it once instead of on every option.
 */
function ModelOptions({ models }: { models: readonly ModelOption[] }) {
  const groups = new Map<string, ModelOption[]>();
  for (const m of models) {
    const key = m.simulated ? "Simulated" : m.provider;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups].map(([provider, list]) => {
    const reasons = new Set(list.map((m) => (m.reachable ? null : m.unreachableReason)));
    const shared = reasons.size === 1 ? [...reasons][0] : null;
    return (
      <optgroup key={provider} label={shared ? `${provider} — unavailable: ${shared}` : provider}>
        {list.map((m) => (
          <option
            key={m.id}
            value={m.id}
            disabled={!m.reachable}
            title={m.unreachableReason ?? undefined}
          >
            {optionLabel(m, shared === null)}
          </option>
        ))}
      </optgroup>
    );
  });
}

function optionLabel(m: ModelOption, withReason: boolean): string {
  const simulated = m.simulated && !/simulated/i.test(m.name) ? " (simulated)" : "";
  if (m.reachable) return `${m.name}${simulated}`;
  const why = withReason ? `: ${m.unreachableReason ?? "not configured"}` : "";
  return `${m.name}${simulated} (unavailable${why})`;
}

/** A chip's model name; "simulated" becomes a small tag so eight chips still fit. */
function ChipName({ model, fallback }: { model: ModelOption | undefined; fallback: string }) {
  if (!model) return <span className="text-red-700">{fallback}</span>;
  const short = model.simulated ? model.name.replace(/ \(simulated\)$/, "") : model.name;
  return (
    <span className={`flex items-center gap-1 ${model.reachable ? "" : "text-red-700"}`}>
      {short}
      {model.simulated ? (
        <span className="rounded bg-amber-100 px-1 text-[10px] text-amber-900 uppercase dark:bg-amber-900/40 dark:text-amber-200">
          <span aria-hidden="true">sim</span>
          <span className="sr-only">(simulated)</span>
        </span>
      ) : null}
    </span>
  );
}

const selectClass =
  "w-44 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * The panel for the next run: a saved-panel picker, panelists as removable chips, a picker to
 * add one, the judge and synthesizer, and the estimated cost. "Edit panel" opens the builder.
 */
export function PanelBar({
  panel,
  onChange,
  disabled,
  savedPanels,
  savedId,
  modified,
  onPick,
  onEdit,
}: {
  panel: PanelConfigDraft;
  onChange: (next: PanelConfigDraft) => void;
  disabled: boolean;
  savedPanels: readonly SavedPanel[];
  /** The saved panel picked, if any; `modified` when the panel has changed since. */
  savedId: string | null;
  modified: boolean;
  onPick: (panel: SavedPanel | null) => void;
  onEdit: () => void;
}) {
  const { models, byId } = useModels();
  const id = useId();
  const full = panel.panel.length >= MAX_PANELISTS;
  const estimate = estimateRun(panel, byId).usd;
  const nameOf = (model: string) => byId.get(model)?.name ?? model;
  // On a phone the editor folds behind a one-line summary, leaving room for the answers.
  const [expanded, setExpanded] = useState(false);

  return (
    <section aria-label="Panel" className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <button
        type="button"
        className="flex w-full items-center justify-between gap-2 text-left text-sm md:hidden"
        aria-expanded={expanded}
        aria-controls={`${id}-editor`}
        onClick={() => setExpanded((e) => !e)}
      >
        <span className="truncate">
          <span className="text-xs font-semibold text-zinc-500 uppercase">Panel</span>{" "}
          {panel.panel.map((p) => nameOf(p.model).replace(/ \(simulated\)$/, "")).join(", ")}
        </span>
        <span className="shrink-0 text-sky-700 dark:text-sky-400">
          {expanded ? "Done" : "Edit"}
        </span>
      </button>
      <div
        id={`${id}-editor`}
        className={`${expanded ? "mt-2 flex" : "hidden"} flex-wrap items-center gap-x-4 gap-y-2 md:mt-0 md:flex`}
      >
        <label className="flex items-center gap-1.5 text-sm">
          <span className="sr-only">Saved panel</span>
          <select
            value={savedId ?? ""}
            disabled={disabled}
            onChange={(e) => onPick(savedPanels.find((p) => p.id === e.target.value) ?? null)}
            className={selectClass}
          >
            <option value="">
              {savedId === null ? "Unsaved panel" : "Unsaved panel (unlink)"}
            </option>
            {savedPanels.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === savedId && modified ? `${p.name} (changed)` : p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap items-center gap-1.5">
          <h2 id={`${id}-panel`} className="mr-1 text-xs font-semibold text-zinc-500 uppercase">
            Panel
          </h2>
          {/* `contents`: the chips wrap in one flow with the label and the picker. */}
          <ul aria-labelledby={`${id}-panel`} className="contents">
            {panel.panel.map((p, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a model may sit in the panel twice
                key={`${p.model}-${i}`}
                data-testid="panelist-chip"
                className="flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pr-1 pl-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              >
                <ChipName model={byId.get(p.model)} fallback={p.model} />
                <button
                  type="button"
                  aria-label={`Remove ${nameOf(p.model)} (panelist ${i + 1})`}
                  // An empty panel is allowed while editing; Send says why it cannot run.
                  disabled={disabled}
                  onClick={() => onChange(removePanelist(panel, i))}
                  className="flex size-5 items-center justify-center rounded-full text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-30 dark:hover:bg-zinc-700"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <select
            aria-label="Add a panelist"
            value=""
            disabled={disabled || full}
            title={full ? `A panel has at most ${MAX_PANELISTS} panelists` : undefined}
            onChange={(e) => {
              if (e.target.value) onChange(addPanelist(panel, e.target.value));
            }}
            className={selectClass}
          >
            <option value="">{full ? `Panel full (${MAX_PANELISTS})` : "+ Add panelist…"}</option>
            <ModelOptions models={models} />
          </select>
        </div>
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-xs font-semibold text-zinc-500 uppercase">Judge</span>
          <select
            value={panel.judge.model}
            disabled={disabled}
            onChange={(e) => onChange(setRoleModel(panel, "judge", e.target.value))}
            className={selectClass}
          >
            {byId.has(panel.judge.model) ? null : (
              <option value={panel.judge.model}>{panel.judge.model}</option>
            )}
            <ModelOptions models={models} />
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-xs font-semibold text-zinc-500 uppercase">Synthesizer</span>
          <select
            value={panel.synthesizer.model}
            disabled={disabled}
            onChange={(e) => onChange(setRoleModel(panel, "synthesizer", e.target.value))}
            className={selectClass}
          >
            {byId.has(panel.synthesizer.model) ? null : (
              <option value={panel.synthesizer.model}>{panel.synthesizer.model}</option>
            )}
            <ModelOptions models={models} />
          </select>
        </label>
        <p className="ml-auto text-xs text-zinc-500" title={`Cost ${ESTIMATE_ASSUMPTION}`}>
          {estimate === null ? "Est. cost unknown" : `≈ ${formatUsd(estimate)} per run`}
        </p>
        <button
          type="button"
          className="btn-ghost border border-zinc-300 text-sm dark:border-zinc-700"
          disabled={disabled}
          onClick={onEdit}
        >
          Edit panel
        </button>
      </div>
    </section>
  );
}

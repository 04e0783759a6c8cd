"use client";

import { useId } from "react";
import { PRESETS, type Preset } from "@/lib/fusion/presets";
import type { ModelOption } from "@/lib/models/model-option";
import { useModels } from "../room/models-context";

/** The preset's models the user cannot call, grouped by why ("Add an OpenRouter key…"). */
export function unreachableInPreset(
  preset: Preset,
  byId: ReadonlyMap<string, ModelOption>,
): { reason: string; models: string[] }[] {
  const ids = new Set([
    ...preset.panel.panel.map((p) => p.model),
    preset.panel.judge.model,
    preset.panel.synthesizer.model,
  ]);
  const byReason = new Map<string, string[]>();
  for (const id of ids) {
    const info = byId.get(id);
    if (info?.reachable) continue;
    const reason = info
      ? (info.unreachableReason ?? "its provider is not configured.")
      : "not in your model catalog.";
    byReason.set(reason, [...(byReason.get(reason) ?? []), info?.name ?? id]);
  }
  return [...byReason].map(([reason, models]) => ({ reason, models }));
}

/** One-click panels (lib/fusion/presets.ts); each says up front which models will not run. */
export function PresetCards({ onApply }: { onApply: (preset: Preset) => void }) {
  const { byId } = useModels();
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-sm font-semibold">
        Presets
      </h3>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-4">
        {PRESETS.map((preset) => {
          const unreachable = unreachableInPreset(preset, byId);
          return (
            <li
              key={preset.id}
              data-testid="preset-card"
              data-preset={preset.id}
              className="flex flex-col gap-1 rounded-lg border border-zinc-200 p-2 text-xs dark:border-zinc-800"
            >
              <h4 className="text-sm font-medium">{preset.name}</h4>
              <p className="text-zinc-600 dark:text-zinc-400">{preset.description}</p>
              <p className="text-zinc-500">
                {preset.panel.panel.map((p) => nameOf(p.model)).join(", ")}; judge{" "}
                {nameOf(preset.panel.judge.model)}
              </p>
              {unreachable.length > 0 ? (
                <div className="text-red-700 dark:text-red-300" data-testid="preset-unreachable">
                  {unreachable.map((u) => (
                    <p key={u.reason}>
                      Not reachable: {u.models.join(", ")}. {u.reason}
                    </p>
                  ))}
                </div>
              ) : (
                <p className="text-emerald-700 dark:text-emerald-400">All models reachable.</p>
              )}
              <button
                type="button"
                className="card-action mt-auto self-start"
                aria-label={`Apply the ${preset.name} preset`}
                onClick={() => onApply(preset)}
              >
                Apply
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

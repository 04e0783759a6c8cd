"use client";

import { useId } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { Panelist } from "@/lib/fusion/input";
import { useModels } from "../room/models-context";
import { NumberField } from "./number-field";
import type { SlotDraft } from "./panel-draft";
import { maxTokensProblem, temperatureProblem } from "./validation";

type Patch = Partial<Omit<Panelist, "model">>;

/**
 * One panelist's own settings, in a modal dialog (focus stays inside, Escape closes). Changes
 * apply as they are typed; an empty field falls back to the run's setting.
 */
export function PanelistSettingsDialog({
  slot,
  index,
  runTemperature,
  onChange,
  onClose,
}: {
  slot: SlotDraft;
  index: number;
  runTemperature: number;
  onChange: (patch: Patch) => void;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const id = useId();
  const name = useModels().byId.get(slot.model)?.name ?? slot.model;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Panelist {index + 1}: {name}
      </h2>
      <p className="mt-1 text-xs text-zinc-500">Empty fields use the run settings.</p>
      <div className="mt-4 grid grid-cols-2 gap-3">
        <NumberField
          label="Temperature"
          value={slot.temperature}
          onChange={(temperature) => onChange({ temperature })}
          min={0}
          max={2}
          step={0.1}
          placeholder={`Run default (${runTemperature})`}
          error={temperatureProblem(slot.temperature)}
          hint="0 is focused and repeatable; 2 is the most varied."
        />
        <NumberField
          label="Max completion tokens"
          value={slot.maxCompletionTokens}
          onChange={(maxCompletionTokens) => onChange({ maxCompletionTokens })}
          min={1}
          max={1_000_000}
          step={1}
          placeholder="Run default"
          error={maxTokensProblem(slot.maxCompletionTokens)}
        />
        <label className="col-span-2 flex flex-col gap-1 text-sm">
          <span className="font-medium">Reasoning effort</span>
          <select
            value={slot.reasoningEffort ?? ""}
            onChange={(e) =>
              onChange({
                reasoningEffort: (e.target.value || undefined) as Panelist["reasoningEffort"],
              })
            }
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">Run default</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </label>
        <label className="col-span-2 flex flex-col gap-1 text-sm">
          <span className="font-medium">System prompt / persona</span>
          <textarea
            value={slot.systemPrompt ?? ""}
            onChange={(e) => onChange({ systemPrompt: e.target.value || undefined })}
            rows={5}
            maxLength={20_000}
            placeholder="e.g. You are a sceptical statistician. Question every number."
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
      </div>
      <div className="mt-5 flex justify-end">
        <button type="button" className="btn-primary text-sm" onClick={() => ref.current?.close()}>
          Done
        </button>
      </div>
    </dialog>
  );
}

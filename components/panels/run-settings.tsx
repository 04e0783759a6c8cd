"use client";

import { useId } from "react";
import { DEFAULT_JUDGE_INSTRUCTIONS, DEFAULT_SYNTHESIZER_INSTRUCTIONS } from "@/lib/fusion/prompts";
import { NumberField } from "./number-field";
import type { Role, SettingsDraft } from "./panel-draft";
import type { DraftProblems } from "./validation";

/** The engine's default panel temperature (lib/fusion/input.ts), shown when none is set. */
export const DEFAULT_TEMPERATURE = 0.7;

/** Settings of the whole run; a panelist's own settings override them. */
export function RunSettings({
  settings,
  problems,
  onChange,
}: {
  settings: SettingsDraft;
  problems: DraftProblems;
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  const id = useId();
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold">Run settings</legend>
      <NumberField
        label="Panel temperature"
        value={settings.temperature}
        onChange={(temperature) => onChange({ temperature })}
        min={0}
        max={2}
        step={0.1}
        placeholder={`${DEFAULT_TEMPERATURE} (default)`}
        error={problems.settings.get("temperature")?.message}
        hint="The judge always runs at 0."
      />
      <NumberField
        label="Max completion tokens"
        value={settings.maxCompletionTokens}
        onChange={(maxCompletionTokens) => onChange({ maxCompletionTokens })}
        min={1}
        max={1_000_000}
        step={1}
        placeholder="Model default"
        error={problems.settings.get("maxCompletionTokens")?.message}
        hint="Per panelist and for the final answer."
      />
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-effort`} className="font-medium">
          Reasoning effort
        </label>
        <select
          id={`${id}-effort`}
          value={settings.reasoningEffort ?? ""}
          onChange={(e) =>
            onChange({
              reasoningEffort: (e.target.value || undefined) as SettingsDraft["reasoningEffort"],
            })
          }
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Model default</option>
          <option value="low">Low</option>
          <option value="medium">Medium</option>
          <option value="high">High</option>
        </select>
        <p className="text-xs text-zinc-500">For models that reason.</p>
      </div>
    </fieldset>
  );
}

const DEFAULTS: Record<Role, string> = {
  judge: DEFAULT_JUDGE_INSTRUCTIONS,
  synthesizer: DEFAULT_SYNTHESIZER_INSTRUCTIONS,
};

/**
 * A role's instructions, starting from the default text (lib/fusion/prompts.ts). Editing makes
 * them custom; "Reset to default" (or clearing the field) goes back to the default.
 */
export function RoleInstructions({
  of: role,
  value,
  error,
  onChange,
}: {
  /** Which role: not `role`, which JSX reserves for ARIA roles. */
  of: Role;
  value: string | undefined;
  error: string | null;
  onChange: (instructions: string | undefined) => void;
}) {
  const id = useId();
  const custom = value !== undefined && value !== DEFAULTS[role] && value.trim() !== "";
  const label = role === "judge" ? "Judge instructions" : "Synthesizer instructions";
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`${id}-text`} className="font-medium">
          {label}{" "}
          <span className="text-xs font-normal text-zinc-500">
            {custom ? "(custom)" : "(default)"}
          </span>
        </label>
        <button
          type="button"
          className="card-action"
          disabled={value === undefined}
          onClick={() => onChange(undefined)}
          aria-label={`Reset ${label.toLowerCase()} to default`}
        >
          Reset to default
        </button>
      </div>
      <textarea
        id={`${id}-text`}
        value={value ?? DEFAULTS[role]}
        onChange={(e) => onChange(e.target.value === DEFAULTS[role] ? undefined : e.target.value)}
        rows={6}
        aria-describedby={`${id}-note`}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs leading-relaxed dark:border-zinc-700 dark:bg-zinc-900"
      />
      <p
        id={`${id}-note`}
        className={`text-xs ${error ? "text-red-700 dark:text-red-300" : "text-zinc-500"}`}
      >
        {error ?? "An empty field uses the default."}
      </p>
    </div>
  );
}

/**
 * What is wrong with a panel, in words, attached to the control it concerns, so the builder can
 * say it next to that control and the run button can say why it is disabled. Structural
 * problems (no panelist, a 9th, an empty judge slot, a bad setting) also block saving; a model
 * the user cannot reach blocks running only (they may add the key later).
 */
import { fusionSettingsSchema, MAX_PANELISTS, type PanelConfigDraft } from "@/lib/fusion/input";
import type { ModelOption } from "@/lib/models/model-option";
import { fromConfig, type PanelDraft, type Role } from "./panel-draft";

export type Problem = { message: string; blocksSave: boolean };

export type DraftProblems = {
  /** About the panel as a whole: empty, or over the limit. */
  panel: Problem | null;
  /** By panelist index. */
  slots: Map<number, Problem>;
  judge: Problem | null;
  synthesizer: Problem | null;
  /** By run setting: `temperature`, `maxCompletionTokens`. */
  settings: Map<string, Problem>;
  /** The first problem in reading order: why the panel cannot run. Null when it can. */
  runBlocker: string | null;
  /** Why it cannot be saved; null when it can. */
  saveBlocker: string | null;
};

export const ROLE_LABEL: Record<Role, string> = { judge: "Judge", synthesizer: "Synthesizer" };

const TEMPERATURE = "Temperature must be a number from 0 to 2.";
const MAX_TOKENS = "Max completion tokens must be a whole number from 1 to 1,000,000.";
const INSTRUCTIONS = "Instructions have at most 20,000 characters.";

function reach(model: string, byId: ReadonlyMap<string, ModelOption>): Problem | null {
  const info = byId.get(model);
  if (!info) return { message: `${model} is not in your model catalog.`, blocksSave: false };
  if (info.reachable) return null;
  return {
    message: `${info.name} is not reachable: ${info.unreachableReason ?? "its provider is not configured."}`,
    blocksSave: false,
  };
}

const badTemperature = (t: number | undefined) =>
  t !== undefined && !(Number.isFinite(t) && t >= 0 && t <= 2);
const badMaxTokens = (n: number | undefined) =>
  n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 1_000_000);

/** For the fields themselves: the message to show beside a temperature input, or null. */
export const temperatureProblem = (t: number | undefined) =>
  badTemperature(t) ? TEMPERATURE : null;
export const maxTokensProblem = (n: number | undefined) => (badMaxTokens(n) ? MAX_TOKENS : null);

export function checkDraft(
  draft: PanelDraft,
  byId: ReadonlyMap<string, ModelOption>,
): DraftProblems {
  const n = draft.panel.length;
  const panel: Problem | null =
    n === 0
      ? { message: "Add at least one panelist.", blocksSave: true }
      : n > MAX_PANELISTS
        ? {
            message: `A panel has at most ${MAX_PANELISTS} panelists: remove ${n - MAX_PANELISTS}.`,
            blocksSave: true,
          }
        : null;

  const slots = new Map<number, Problem>();
  draft.panel.forEach((p, i) => {
    const settingsProblem =
      badTemperature(p.temperature) || badMaxTokens(p.maxCompletionTokens)
        ? {
            message: badTemperature(p.temperature) ? TEMPERATURE : MAX_TOKENS,
            blocksSave: true,
          }
        : null;
    const problem = settingsProblem ?? reach(p.model, byId);
    if (problem) slots.set(i, { ...problem, message: `Panelist ${i + 1}: ${problem.message}` });
  });

  const role = (r: Role): Problem | null => {
    const { model, instructions } = draft[r];
    if (model === null) {
      return {
        message: `Choose a ${r}: drop a model here, or use “Make ${r}” on a model.`,
        blocksSave: true,
      };
    }
    const problem =
      (instructions?.length ?? 0) > 20_000
        ? { message: INSTRUCTIONS, blocksSave: true }
        : reach(model, byId);
    return problem && { ...problem, message: `${ROLE_LABEL[r]}: ${problem.message}` };
  };
  const judge = role("judge");
  const synthesizer = role("synthesizer");

  const settings = new Map<string, Problem>();
  if (badTemperature(draft.settings.temperature)) {
    settings.set("temperature", { message: TEMPERATURE, blocksSave: true });
  }
  if (badMaxTokens(draft.settings.maxCompletionTokens)) {
    settings.set("maxCompletionTokens", { message: MAX_TOKENS, blocksSave: true });
  }
  // Anything else the engine would refuse (settings a saved panel carries but no control edits).
  if (settings.size === 0 && !fusionSettingsSchema.safeParse(draft.settings).success) {
    settings.set("other", { message: "These run settings are not valid.", blocksSave: true });
  }

  const ordered: [string, Problem | null][] = [
    ["", panel],
    ...[...slots.values()].map((p): [string, Problem] => ["", p]),
    ["", judge],
    ["", synthesizer],
    ...[...settings.values()].map((p): [string, Problem] => ["Run settings: ", p]),
  ];
  const found = ordered.flatMap(([prefix, p]) =>
    p ? [{ ...p, message: prefix + p.message }] : [],
  );
  return {
    panel,
    slots,
    judge,
    synthesizer,
    settings,
    runBlocker: found[0]?.message ?? null,
    saveBlocker: found.find((p) => p.blocksSave)?.message ?? null,
  };
}

/** Why the room cannot send with this panel right now, or null when it can. */
export function panelProblem(
  panel: PanelConfigDraft,
  byId: ReadonlyMap<string, ModelOption>,
): string | null {
  return checkDraft(fromConfig(panel), byId).runBlocker;
}

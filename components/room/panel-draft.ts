import { MAX_PANELISTS, type PanelConfigDraft } from "@/lib/fusion/input";
import type { ModelOption } from "./models-context";

/** Why this panel cannot run right now, or null when it can. Shown beside the Send button. */
export function panelProblem(
  panel: PanelConfigDraft,
  byId: ReadonlyMap<string, ModelOption>,
): string | null {
  if (panel.panel.length === 0) return "Add at least one panelist.";
  if (panel.panel.length > MAX_PANELISTS) {
    return `A panel has at most ${MAX_PANELISTS} panelists.`;
  }
  const roles = [
    ...panel.panel.map((p) => ({ role: "Panelist", model: p.model })),
    { role: "Judge", model: panel.judge.model },
    { role: "Synthesizer", model: panel.synthesizer.model },
  ];
  for (const { role, model } of roles) {
    const info = byId.get(model);
    if (!info) return `${role} ${model} is not a known model.`;
    if (!info.reachable) {
      return `${role} ${info.name} is unavailable${info.unreachableReason ? `: ${info.unreachableReason}` : "."}`;
    }
  }
  return null;
}

export function addPanelist(panel: PanelConfigDraft, model: string): PanelConfigDraft {
  if (panel.panel.length >= MAX_PANELISTS) return panel;
  return { ...panel, panel: [...panel.panel, { model }] };
}

export function removePanelist(panel: PanelConfigDraft, index: number): PanelConfigDraft {
  return { ...panel, panel: panel.panel.filter((_, i) => i !== index) };
}

export function setRoleModel(
  panel: PanelConfigDraft,
  role: "judge" | "synthesizer",
  model: string,
): PanelConfigDraft {
  // Role instructions belong to the role, not the model: keep them.
  return { ...panel, [role]: { ...panel[role], model } };
}

/**
 * Estimated list-price cost of one run, in USD, from a rough prompt size; null when a price is
 * unknown. Only a hint: real runs are billed from actual tokens.
 */
export function estimateRunCostUsd(
  panel: PanelConfigDraft,
  byId: ReadonlyMap<string, ModelOption>,
  promptTokens = 200,
  answerTokens = 600,
): number | null {
  const price = (id: string, input: number, output: number) => {
    const m = byId.get(id);
    if (!m || m.inputPricePerMTok === null || m.outputPricePerMTok === null) return null;
    return (input * m.inputPricePerMTok + output * m.outputPricePerMTok) / 1e6;
  };
  const n = panel.panel.length;
  const parts = [
    ...panel.panel.map((p) => price(p.model, promptTokens, answerTokens)),
    // The judge and the synthesizer read every answer.
    price(panel.judge.model, promptTokens + n * answerTokens, answerTokens),
    price(panel.synthesizer.model, promptTokens + (n + 1) * answerTokens, answerTokens),
  ];
  if (parts.some((p) => p === null)) return null;
  return parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
}

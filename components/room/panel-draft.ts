/**
 * The room's quick edits of its panel (the chips in the panel bar). The builder
 * (components/panels) edits a richer draft; validation and the cost estimate live there too.
 */
import { MAX_PANELISTS, type PanelConfigDraft } from "@/lib/fusion/input";

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

/**
 * Saved-panel helpers the browser shares with the server (no database here): what a saved
 * panel looks like on the wire, and when two panels are the same.
 */
import { z } from "zod";
import { type PanelConfig, type PanelConfigDraft, panelConfigSchema } from "@/lib/fusion/input";

export const MAX_PANEL_NAME = 100;

export const panelNameSchema = z
  .string({ error: "A panel name must be text." })
  .trim()
  .min(1, "Give the panel a name.")
  .max(MAX_PANEL_NAME, `A panel name has at most ${MAX_PANEL_NAME} characters.`);

/** A saved panel as the builder and the room see it. */
export type SavedPanel = {
  id: string;
  name: string;
  config: PanelConfig;
  createdAt: number;
  updatedAt: number;
  /** Finished runs (done or degraded) that used this panel unchanged. */
  runs: number;
  /** Their average cost, micro-dollars; null before the first run. */
  avgCostMicroUsd: number | null;
};

/** The canonical JSON of a panel: defaults filled in, keys in schema order. Null if invalid. */
export function canonicalPanel(panel: PanelConfigDraft | PanelConfig): string | null {
  const parsed = panelConfigSchema.safeParse(panel);
  return parsed.success ? JSON.stringify(parsed.data) : null;
}

/**
 * Whether two panels would run identically. A saved panel's measured cost only means something
 * for runs of exactly that panel, so a run links to it only when this holds.
 */
export function samePanel(
  a: PanelConfigDraft | PanelConfig,
  b: PanelConfigDraft | PanelConfig,
): boolean {
  const ca = canonicalPanel(a);
  return ca !== null && ca === canonicalPanel(b);
}

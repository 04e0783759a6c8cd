import type { PanelConfigDraft } from "./input";
import { OFFLINE_DEMO_PANEL } from "./input";

/**
 * One-click panels (DESIGN.md §1). Model ids follow OpenRouter's catalog of May 2026; a preset
 * whose models the user cannot reach says so on its card rather than failing at run time.
 */
export type Preset = {
  id: "quality" | "budget" | "self-panel" | "offline-demo";
  name: string;
  description: string;
  panel: PanelConfigDraft;
};

const OPUS = "openrouter:anthropic/claude-opus-4.7";

export const PRESETS: readonly Preset[] = [
  {
    id: "quality",
    name: "Quality",
    description: "The strongest frontier models side by side; Claude Opus judges.",
    panel: {
      panel: [
        { model: OPUS },
        { model: "openrouter:openai/gpt-5.5" },
        { model: "openrouter:google/gemini-3.1-pro-preview" },
      ],
      judge: { model: OPUS },
      synthesizer: { model: OPUS },
    },
  },
  {
    id: "budget",
    name: "Budget",
    description:
      "Three fast, cheap models; Claude Opus judges. Near-frontier answers at a fraction of the cost.",
    panel: {
      panel: [
        { model: "openrouter:google/gemini-3-flash-preview" },
        { model: "openrouter:moonshotai/kimi-k2.6" },
        { model: "openrouter:deepseek/deepseek-v4-flash" },
      ],
      judge: { model: OPUS },
      synthesizer: { model: "openrouter:google/gemini-3-flash-preview" },
    },
  },
  {
    id: "self-panel",
    name: "Self-panel",
    description: "One model asked twice and fused: two samples beat one.",
    panel: {
      panel: [
        { model: "openrouter:moonshotai/kimi-k2.6" },
        { model: "openrouter:moonshotai/kimi-k2.6" },
      ],
      judge: { model: "openrouter:moonshotai/kimi-k2.6" },
      synthesizer: { model: "openrouter:moonshotai/kimi-k2.6" },
    },
  },
  {
    id: "offline-demo",
    name: "Offline demo",
    description: "Simulated models: works with no key and no network.",
    panel: OFFLINE_DEMO_PANEL,
  },
];

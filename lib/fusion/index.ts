/** The fusion engine: pure logic, no React, Next.js or database. */
export { ANALYSIS_SECTIONS, type Analysis, analysisSchema } from "./analysis";
export { callCost, formatUsd, type Pricing, sumTotals } from "./cost";
export type * from "./events";
export {
  type FusionInput,
  type FusionInputDraft,
  FusionInputError,
  fusionInputSchema,
  MAX_PANELISTS,
  OFFLINE_DEMO_PANEL,
  type PanelConfig,
  type PanelConfigDraft,
  panelConfigSchema,
  parseFusionInput,
} from "./input";
export type { Clock, ModelResolver, ResolvedModel } from "./model-call";
export { DEFAULT_JUDGE_INSTRUCTIONS, DEFAULT_SYNTHESIZER_INSTRUCTIONS } from "./prompts";
export { type FusionDeps, failureMessage, runFusion } from "./run-fusion";

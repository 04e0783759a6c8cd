/** One model Quorum can call, whatever serves it (OpenRouter, a custom endpoint, the simulator). */
export type ModelInfo = {
  /** Quorum model id, `provider:upstream`, e.g. `openrouter:anthropic/claude-opus-4.7`. */
  id: string;
  /** The id the provider knows the model by, e.g. `anthropic/claude-opus-4.7`. */
  upstreamId: string;
  /** `openrouter`, a custom endpoint's name, or `sim`. */
  provider: string;
  /** Who made the model: `anthropic` from `anthropic/claude…`; `Quorum` for simulated models. */
  vendor: string;
  name: string;
  description: string;
  /** Simulated models run in-process and must be labelled "simulated" wherever they are shown. */
  simulated: boolean;
  contextLength: number | null;
  /** USD per million input tokens; 0 means free, null means unknown. */
  inputPricePerMTok: number | null;
  /** USD per million output tokens; 0 means free, null means unknown. */
  outputPricePerMTok: number | null;
  maxCompletionTokens: number | null;
  supportedParameters: string[];
  capabilities: ModelCapabilities;
  /** When the provider published the model, in ms since the epoch; null when unknown. */
  created: number | null;
};

export type ModelCapabilities = { tools: boolean; reasoning: boolean; structuredOutput: boolean };

export type Reachability = { ok: true } | { ok: false; reason: string };

/** A model as listed to the user: every known model, with whether it can be called right now. */
export type AvailableModel = ModelInfo & {
  reachable: boolean;
  /** Why the model cannot be called (e.g. no API key configured); null when reachable. */
  unreachableReason: string | null;
};

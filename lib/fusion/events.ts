import type { Analysis } from "./analysis";

export type CallRole = "panelist" | "judge" | "synthesizer";
export type CallStatus = "done" | "failed" | "cancelled";
/** Where a call's cost comes from: the provider's own report, catalog prices × tokens, or neither. */
export type CostSource = "provider" | "catalog" | "unknown";

/** Failure vocabulary (OpenRouter Fusion's, plus the synthesizer's own). */
export type FailureReason =
  | "all_panels_failed"
  | "insufficient_credits"
  | "rate_limited"
  | "judge_not_valid_json"
  | "judge_schema_mismatch"
  | "judge_upstream_error"
  | "judge_empty_completion"
  | "synthesizer_failed";

export type CallError = {
  message: string;
  /** HTTP status from the provider, when there was one. */
  status?: number;
  code: "rate_limited" | "insufficient_credits" | "timeout" | "cancelled" | "upstream_error";
};

/** One model call (retries and the judge's repair attempt folded in), as stored per run. */
export type CallRecord = {
  role: CallRole;
  /** Panel position for panelists; 0 for judge and synthesizer. */
  index: number;
  model: string;
  status: CallStatus;
  text: string;
  reasoning: string;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Integer micro-dollars (1e-6 USD); null when the price is unknown. */
  costMicroUsd: number | null;
  costSource: CostSource;
  /** From the start of the call to its first streamed token. */
  ttftMs: number | null;
  latencyMs: number;
  attempts: number;
  error: CallError | null;
  startedAt: number;
  finishedAt: number;
};

export type RunTotals = {
  costMicroUsd: number;
  /** Calls whose price is unknown are left out of `costMicroUsd` and counted here. */
  unpricedCalls: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  durationMs: number;
};

export type RunStatus = "done" | "degraded" | "failed" | "cancelled";

/** Response label ("A") → panel index; answers reach the judge anonymised and shuffled. */
export type LabelMap = Record<string, number>;

export type FusionEvent =
  | {
      type: "run.started";
      at: number;
      panel: { index: number; model: string }[];
      judge: string;
      synthesizer: string;
    }
  | { type: "panelist.started"; index: number; model: string; attempt: number; at: number }
  | { type: "panelist.delta"; index: number; channel: "text" | "reasoning"; delta: string }
  | { type: "panelist.finished"; index: number; call: CallRecord }
  | { type: "panelist.failed"; index: number; call: CallRecord }
  | { type: "judge.started"; model: string; labels: LabelMap; at: number }
  | { type: "judge.partial"; partial: unknown }
  | { type: "judge.finished"; analysis: Analysis; call: CallRecord }
  | { type: "judge.failed"; reason: FailureReason; message: string; call: CallRecord }
  | { type: "synth.started"; model: string; at: number }
  | { type: "synth.delta"; delta: string }
  | { type: "synth.finished"; call: CallRecord }
  | {
      type: "run.finished";
      status: "done" | "degraded";
      totals: RunTotals;
      failedModels: string[];
      degradedReasons: FailureReason[];
    }
  | { type: "run.failed"; reason: FailureReason; message: string; totals: RunTotals }
  | {
      type: "run.cancelled";
      totals: RunTotals;
      /** Calls cut short that no other event reported (a judge stopped mid-analysis). */
      calls: CallRecord[];
    };

export type FusionEventType = FusionEvent["type"];

export type EventSink = (event: FusionEvent) => void;

export type FusionResult = {
  status: RunStatus;
  failureReason: FailureReason | null;
  degradedReasons: FailureReason[];
  panelists: CallRecord[];
  judge: CallRecord | null;
  analysis: Analysis | null;
  labelMap: LabelMap;
  synthesizer: CallRecord | null;
  answer: string;
  failedModels: string[];
  totals: RunTotals;
};

import { sumTotals } from "./cost";
import type { CallRecord, EventSink, FailureReason, FusionEvent, FusionResult } from "./events";
import { fanOut } from "./fan-out";
import { FusionInputError, parseFusionInput } from "./input";
import { anonymise, judge } from "./judge";
import type { Clock, ModelResolver, ResolvedModel } from "./model-call";
import { seededRandom } from "./random";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import { synthesize } from "./synthesize";

export type FusionDeps = {
  resolve: ModelResolver;
  clock?: Partial<Clock>;
  retry?: Partial<RetryPolicy>;
};

export type FusionRunOptions = {
  signal?: AbortSignal;
  emit?: EventSink;
};

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Every model is resolved before anything starts, so a bad id is an input error naming its field. */
function resolveAll(
  resolve: ModelResolver,
  ids: { field: string; model: string }[],
): ResolvedModel[] {
  const issues: { field: string; message: string }[] = [];
  const resolved = ids.map(({ field, model }) => {
    try {
      return resolve(model);
    } catch (error) {
      issues.push({ field, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  });
  if (issues.length > 0) throw new FusionInputError(issues);
  return resolved as ResolvedModel[];
}

/** Why a run with no usable answer failed: a shared cause when every panelist had the same one. */
function allFailedReason(calls: CallRecord[]): FailureReason {
  const codes = new Set(calls.map((c) => c.error?.code));
  if (codes.size === 1 && codes.has("insufficient_credits")) return "insufficient_credits";
  if (codes.size === 1 && codes.has("rate_limited")) return "rate_limited";
  return "all_panels_failed";
}

/**
 * One fusion run: fan-out → judge → synthesizer. Emits typed events as it goes and resolves
 * with the whole result; it never throws after input validation — failures are results.
 */
export async function runFusion(
  rawInput: unknown,
  deps: FusionDeps,
  options: FusionRunOptions = {},
): Promise<FusionResult> {
  const input = parseFusionInput(rawInput);
  const [judgeModel, synthModel, ...panelModels] = resolveAll(deps.resolve, [
    { field: "judge.model", model: input.judge.model },
    { field: "synthesizer.model", model: input.synthesizer.model },
    ...input.panel.map((p, i) => ({ field: `panel.${i}.model`, model: p.model })),
  ]) as [ResolvedModel, ResolvedModel, ...ResolvedModel[]];

  const clock: Clock = {
    now: deps.clock?.now ?? (() => Date.now()),
    sleep: deps.clock?.sleep ?? defaultSleep,
    random: deps.clock?.random ?? Math.random,
  };
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    maxRetries: input.settings.maxRetries,
    ...deps.retry,
  };
  const signal = options.signal ?? new AbortController().signal;
  const sink = options.emit ?? (() => {});
  const emit = (event: FusionEvent) => {
    try {
      sink(event);
    } catch {
      // A broken subscriber must not break the run.
    }
  };
  const startedAt = clock.now();

  const result: FusionResult = {
    status: "done",
    failureReason: null,
    degradedReasons: [],
    panelists: [],
    judge: null,
    analysis: null,
    labelMap: {},
    synthesizer: null,
    answer: "",
    failedModels: [],
    totals: sumTotals([], 0),
  };
  const finish = (status: FusionResult["status"]): FusionResult => {
    result.status = status;
    result.totals = sumTotals(
      [...result.panelists, result.judge, result.synthesizer],
      clock.now() - startedAt,
    );
    if (status === "cancelled") {
      const judgeCut = result.judge?.status === "cancelled" ? [result.judge] : [];
      emit({ type: "run.cancelled", totals: result.totals, calls: judgeCut });
    } else if (status === "failed") {
      const reason = result.failureReason ?? "all_panels_failed";
      emit({ type: "run.failed", reason, message: failureMessage(reason), totals: result.totals });
    } else {
      emit({
        type: "run.finished",
        status,
        totals: result.totals,
        failedModels: result.failedModels,
        degradedReasons: result.degradedReasons,
      });
    }
    return result;
  };

  emit({
    type: "run.started",
    at: startedAt,
    panel: input.panel.map((p, index) => ({ index, model: p.model })),
    judge: input.judge.model,
    synthesizer: input.synthesizer.model,
  });

  result.panelists = await fanOut({ input, resolved: panelModels, emit, signal, clock, retry });
  if (signal.aborted) return finish("cancelled");
  result.failedModels = result.panelists.filter((c) => c.status === "failed").map((c) => c.model);
  const answered = result.panelists.filter((c) => c.status === "done" && c.text.trim() !== "");
  if (answered.length === 0) {
    result.failureReason = allFailedReason(result.panelists);
    return finish("failed");
  }

  const shuffleRandom =
    input.settings.seed !== undefined ? seededRandom(input.settings.seed) : clock.random;
  const { labelled, labels } = anonymise(
    answered.map((c) => ({ index: c.index, text: c.text })),
    shuffleRandom,
  );
  result.labelMap = labels;
  emit({ type: "judge.started", model: input.judge.model, labels, at: clock.now() });
  const verdict = await judge({
    judge: input.judge,
    resolved: judgeModel,
    messages: input.messages,
    answers: labelled,
    emit,
    signal,
    clock,
    retry,
    timeoutMs: input.settings.panelistTimeoutMs,
  });
  result.judge = verdict.call;
  if (signal.aborted) return finish("cancelled");
  if (verdict.ok) result.analysis = verdict.analysis;
  else result.degradedReasons.push(verdict.reason);

  result.synthesizer = await synthesize({
    synthesizer: input.synthesizer,
    resolved: synthModel,
    messages: input.messages,
    answers: labelled,
    analysis: result.analysis,
    settings: input.settings,
    emit,
    signal,
    clock,
    retry,
  });
  result.answer = result.synthesizer.text;
  if (signal.aborted) return finish("cancelled");
  if (result.synthesizer.status !== "done") {
    result.failureReason = "synthesizer_failed";
    return finish("failed");
  }
  const degraded = result.failedModels.length > 0 || result.degradedReasons.length > 0;
  return finish(degraded ? "degraded" : "done");
}

export function failureMessage(reason: FailureReason): string {
  switch (reason) {
    case "all_panels_failed":
      return "Every panelist failed, so there was nothing to judge. See each panelist's error.";
    case "insufficient_credits":
      return "The provider reports insufficient credits for every panelist. Top up or change the panel.";
    case "rate_limited":
      return "Every panelist was rate limited. Wait a moment and retry, or use other models.";
    case "synthesizer_failed":
      return "The synthesizer failed to write the final answer. Retry, or pick another synthesizer.";
    case "judge_not_valid_json":
      return "The judge did not reply with valid JSON.";
    case "judge_schema_mismatch":
      return "The judge's JSON did not match the analysis schema.";
    case "judge_upstream_error":
      return "The judge's provider returned an error.";
    case "judge_empty_completion":
      return "The judge returned an empty reply.";
  }
}

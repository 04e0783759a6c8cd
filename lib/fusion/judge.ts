import { Output, parsePartialJson } from "ai";
import { type Analysis, analysisSchema } from "./analysis";
import type { CallRecord, EventSink, FailureReason, LabelMap } from "./events";
import type { ChatMessage, RoleModel } from "./input";
import { type Clock, type ResolvedModel, streamModelCall } from "./model-call";
import type { LabelledAnswer } from "./prompt-format";
import { answerLabel } from "./prompt-format";
import { DEFAULT_JUDGE_INSTRUCTIONS, judgeMessages, judgeRepairMessages } from "./prompts";
import { shuffled } from "./random";
import type { RetryPolicy } from "./retry";

/** Partial analyses are whole objects, so they are sent at most this often. */
const PARTIAL_INTERVAL_MS = 100;

/** Shuffles the successful answers and labels them A, B, …; the map lets the UI name models. */
export function anonymise(
  answers: readonly { index: number; text: string }[],
  random: () => number,
): { labelled: LabelledAnswer[]; labels: LabelMap } {
  const order = shuffled(answers, random);
  const labels: LabelMap = {};
  const labelled = order.map((a, i) => {
    const label = answerLabel(i);
    labels[label] = a.index;
    return { label, text: a.text };
  });
  return { labelled, labels };
}

export type JudgeOutcome =
  | { ok: true; analysis: Analysis; call: CallRecord }
  | { ok: false; reason: FailureReason; message: string; call: CallRecord };

type Attempt = { reason: FailureReason; message: string } | { analysis: Analysis };

function classify(call: CallRecord, output: unknown, outputError: unknown): Attempt {
  if (call.status !== "done") {
    return { reason: "judge_upstream_error", message: call.error?.message ?? "The judge failed." };
  }
  if (output !== undefined && outputError === null) {
    const parsed = analysisSchema.safeParse(output);
    if (parsed.success) return { analysis: parsed.data };
  }
  const text = call.text.trim();
  if (!text) return { reason: "judge_empty_completion", message: "The judge returned nothing." };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: "judge_not_valid_json", message: "The judge's reply was not valid JSON." };
  }
  const parsed = analysisSchema.safeParse(json);
  if (parsed.success) return { analysis: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    reason: "judge_schema_mismatch",
    message: `The judge's JSON did not match the analysis schema${issue ? ` (${issue.path.join(".") || "root"}: ${issue.message})` : ""}.`,
  };
}

/** Folds the repair attempt into one call record: both attempts cost money. */
function merge(first: CallRecord, second: CallRecord): CallRecord {
  const cost =
    first.costMicroUsd === null || second.costMicroUsd === null
      ? null
      : first.costMicroUsd + second.costMicroUsd;
  return {
    ...second,
    inputTokens: first.inputTokens + second.inputTokens,
    outputTokens: first.outputTokens + second.outputTokens,
    reasoningTokens: first.reasoningTokens + second.reasoningTokens,
    costMicroUsd: cost,
    costSource: cost === null ? "unknown" : second.costSource,
    ttftMs: first.ttftMs,
    latencyMs: second.finishedAt - first.startedAt,
    attempts: first.attempts + second.attempts,
    startedAt: first.startedAt,
  };
}

export async function judge(args: {
  judge: RoleModel;
  resolved: ResolvedModel;
  messages: readonly ChatMessage[];
  answers: LabelledAnswer[];
  emit: EventSink;
  signal: AbortSignal;
  clock: Clock;
  retry: RetryPolicy;
  timeoutMs: number;
}): Promise<JudgeOutcome> {
  const { resolved } = args;
  const prompt = judgeMessages(args.messages, args.answers);
  let lastPartial = 0;
  // Partials are parsed asynchronously; none may arrive after the verdict.
  let settled = false;
  let buffer = "";
  const run = (messages: typeof prompt) => {
    buffer = "";
    return streamModelCall({
      role: "judge",
      index: 0,
      modelId: args.judge.model,
      resolved,
      system: args.judge.instructions ?? DEFAULT_JUDGE_INSTRUCTIONS,
      messages,
      temperature: 0,
      output: Output.object({ schema: analysisSchema }),
      signal: args.signal,
      timeoutMs: args.timeoutMs,
      retry: args.retry,
      clock: args.clock,
      onDelta: (channel, delta) => {
        if (channel !== "text") return;
        buffer += delta;
        const now = args.clock.now();
        if (now - lastPartial < PARTIAL_INTERVAL_MS) return;
        lastPartial = now;
        void parsePartialJson(buffer).then(({ value }) => {
          if (value && typeof value === "object" && !settled && !args.signal.aborted) {
            args.emit({ type: "judge.partial", partial: value });
          }
        });
      },
    });
  };

  const first = await run(prompt);
  let verdict = classify(first.record, first.output, first.outputError);
  let call = first.record;
  if ("reason" in verdict && verdict.reason !== "judge_upstream_error" && !args.signal.aborted) {
    const repair = await run(judgeRepairMessages(prompt, first.record.text, verdict.message));
    call = merge(first.record, repair.record);
    verdict = classify(repair.record, repair.output, repair.outputError);
  }
  settled = true;
  if ("analysis" in verdict) {
    args.emit({ type: "judge.finished", analysis: verdict.analysis, call });
    return { ok: true, analysis: verdict.analysis, call };
  }
  if (call.status === "done") {
    call = {
      ...call,
      status: "failed",
      error: { code: "upstream_error", message: verdict.message },
    };
  }
  // A cancelled run reports itself as cancelled; the judge did not fail.
  if (!args.signal.aborted) {
    args.emit({ type: "judge.failed", reason: verdict.reason, message: verdict.message, call });
  }
  return { ok: false, reason: verdict.reason, message: verdict.message, call };
}

import { z } from "zod";
import type { Db } from "@/db/client";
import { listCallsOfRuns } from "@/db/queries/calls";
import { getRun, listRunsOfConversation } from "@/db/queries/runs";
import type { CallRow, RunRow } from "@/db/schema";
import { QuorumError } from "@/lib/errors";
import { analysisSchema } from "@/lib/fusion/analysis";
import type {
  CallRecord,
  CallRole,
  CallStatus,
  FailureReason,
  LabelMap,
  RunTotals,
} from "@/lib/fusion/events";
import { getRunHub, type RunHub } from "./run-hub";
import type { CallView, CallViewStatus, RunStatus, RunView } from "./run-view";

/**
 * A run as a watcher sees it: the hub's snapshot while it is live here, otherwise rebuilt from
 * its rows. The rebuild mirrors what `applyEvent` would have produced, so a reload shows what
 * a live watcher saw (except the judge's last partial, which is not kept).
 */
export async function loadRunView(
  db: Db,
  params: { userId: string; runId: string; hub?: RunHub },
): Promise<RunView> {
  const run = getRun(db, { userId: params.userId, runId: params.runId });
  if (!run) throw new QuorumError("not_found:run", "This run does not exist.");
  const live = (params.hub ?? getRunHub()).snapshot(run.id);
  if (live) return live;
  return viewFromRows(run, listCallsOfRuns(db, { userId: params.userId, runIds: [run.id] }));
}

/** The conversation's runs, oldest first; an unknown or foreign conversation has none. */
export async function loadConversationRuns(
  db: Db,
  params: { userId: string; conversationId: string; hub?: RunHub },
): Promise<RunView[]> {
  const hub = params.hub ?? getRunHub();
  const runs = listRunsOfConversation(db, params);
  const byRun = new Map<string, CallRow[]>();
  for (const call of listCallsOfRuns(db, {
    userId: params.userId,
    runIds: runs.map((r) => r.id),
  })) {
    const list = byRun.get(call.runId) ?? [];
    list.push(call);
    byRun.set(call.runId, list);
  }
  return runs.map((run) => hub.snapshot(run.id) ?? viewFromRows(run, byRun.get(run.id) ?? []));
}

const RUN_STATUSES = [
  "running",
  "judging",
  "synthesizing",
  "done",
  "degraded",
  "failed",
  "cancelled",
  "interrupted",
] as const satisfies readonly RunStatus[];
const CALL_VIEW_STATUSES = [
  "queued",
  "thinking",
  "streaming",
  "done",
  "failed",
  "cancelled",
  "interrupted",
] as const satisfies readonly CallViewStatus[];
const FINISHED_CALL_STATUSES = ["done", "failed", "cancelled"] as const satisfies CallStatus[];
const FAILURE_REASONS = [
  "all_panels_failed",
  "insufficient_credits",
  "rate_limited",
  "judge_not_valid_json",
  "judge_schema_mismatch",
  "judge_upstream_error",
  "judge_empty_completion",
  "synthesizer_failed",
] as const satisfies readonly FailureReason[];

const callErrorSchema = z.object({
  message: z.string(),
  status: z.number().optional(),
  code: z.enum(["rate_limited", "insufficient_credits", "timeout", "cancelled", "upstream_error"]),
});
const labelMapSchema = z.record(z.string(), z.number().int());
const stringsSchema = z.array(z.string());

/** Parses a JSON column with a schema; a damaged value reads as the fallback, never throws. */
function column<T>(text: string | null, schema: z.ZodType<T>, fallback: T): T {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly (string | null)[]).includes(value) ? (value as T) : null;
}

function recordOf(row: CallRow): CallRecord | null {
  const status = oneOf(row.status, FINISHED_CALL_STATUSES);
  // Only the engine's final record sets finished_at; a call closed by cancel has none.
  if (!status || row.finishedAt === null) return null;
  return {
    role: row.role as CallRole,
    index: row.idx,
    model: row.model,
    status,
    text: row.text,
    reasoning: row.reasoning,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    reasoningTokens: row.reasoningTokens,
    costMicroUsd: row.costMicroUsd,
    costSource: oneOf(row.costSource, ["provider", "catalog", "unknown"] as const) ?? "unknown",
    ttftMs: row.ttftMs,
    latencyMs: row.latencyMs ?? 0,
    attempts: row.attempts,
    error: column(row.error, callErrorSchema, null),
    startedAt: row.startedAt ?? row.finishedAt,
    finishedAt: row.finishedAt,
  };
}

function callViewOf(row: CallRow | undefined, fallbackModel: string): CallView {
  if (!row) {
    return {
      model: fallbackModel,
      status: "queued",
      text: "",
      reasoning: "",
      attempt: 0,
      call: null,
    };
  }
  return {
    model: row.model,
    status: oneOf(row.status, CALL_VIEW_STATUSES) ?? "interrupted",
    text: row.text,
    reasoning: row.reasoning,
    // The reducer counts attempts from panelist.started only; the judge and synthesizer stay 0.
    attempt: row.role === "panelist" ? row.attempts : 0,
    call: recordOf(row),
  };
}

/** Rebuilds a RunView from a run's row and its call rows. */
export function viewFromRows(run: RunRow, calls: readonly CallRow[]): RunView {
  const panel = calls.filter((c) => c.role === "panelist").sort((a, b) => a.idx - b.idx);
  const judge = calls.find((c) => c.role === "judge");
  const synthesizer = calls.find((c) => c.role === "synthesizer");
  const degradedReasons = column(run.degradedReasons, stringsSchema, []).filter(
    (r): r is FailureReason => oneOf(r, FAILURE_REASONS) !== null,
  );
  const totals: RunTotals | null =
    run.durationMs === null
      ? null
      : {
          costMicroUsd: run.costMicroUsd,
          unpricedCalls: run.unpricedCalls,
          inputTokens: run.inputTokens,
          outputTokens: run.outputTokens,
          reasoningTokens: run.reasoningTokens,
          durationMs: run.durationMs,
        };
  return {
    id: run.id,
    conversationId: run.conversationId,
    prompt: run.prompt,
    status: oneOf(run.status, RUN_STATUSES) ?? "interrupted",
    createdAt: run.createdAt,
    panel: panel.map((row) => callViewOf(row, row.model)),
    judge: {
      ...callViewOf(judge, ""),
      partial: null,
      analysis: column(run.analysis, analysisSchema, null),
      failure: degradedReasons.find((r) => r.startsWith("judge_")) ?? null,
    },
    synthesizer: callViewOf(synthesizer, ""),
    labelMap: column<LabelMap>(run.labelMap, labelMapSchema, {}),
    failedModels: column(run.failedModels, stringsSchema, []),
    failureReason: oneOf(run.failureReason, FAILURE_REASONS),
    failureMessage: run.failureMessage,
    degradedReasons,
    totals,
    // Events are not kept, so a rebuilt view has no position in the stream; nothing follows it.
    seq: 0,
  };
}

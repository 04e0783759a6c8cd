/**
 * The calls of a run (one row per panelist, judge and synthesizer), scoped by the owner's id.
 * Synchronous, like better-sqlite3.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { CallError, CallRecord, CallRole, CostSource } from "@/lib/fusion/events";
import type { CallViewStatus } from "@/lib/runs/run-view";
import type { Db } from "../client";
import { type CallRow, calls } from "../schema";

/** Statuses of a call that has not finished. */
export const OPEN_CALL_STATUSES = [
  "queued",
  "thinking",
  "streaming",
] as const satisfies readonly CallViewStatus[];

export type CallPatch = {
  status?: CallViewStatus;
  text?: string;
  reasoning?: string;
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  costMicroUsd?: number | null;
  costSource?: CostSource;
  ttftMs?: number | null;
  latencyMs?: number | null;
  attempts?: number;
  error?: CallError | null;
  startedAt?: number | null;
  finishedAt?: number | null;
};

/** Everything a finished call record says, as a patch of its row. */
export function callRecordPatch(call: CallRecord): CallPatch {
  return {
    status: call.status,
    text: call.text,
    reasoning: call.reasoning,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    reasoningTokens: call.reasoningTokens,
    costMicroUsd: call.costMicroUsd,
    costSource: call.costSource,
    ttftMs: call.ttftMs,
    latencyMs: call.latencyMs,
    attempts: call.attempts,
    error: call.error,
    startedAt: call.startedAt,
    finishedAt: call.finishedAt,
  };
}

/** Updates one call of a run, found by role and panel position. */
export function updateCall(
  db: Db,
  params: { userId: string; runId: string; role: CallRole; idx: number; patch: CallPatch },
): boolean {
  const { error, ...rest } = params.patch;
  // drizzle skips undefined keys, so a patch only touches the columns it names.
  const set = { ...rest, ...(error !== undefined ? { error: jsonOrNull(error) } : {}) };
  if (Object.values(set).every((v) => v === undefined)) return false;
  return (
    db
      .update(calls)
      .set(set)
      .where(
        and(
          eq(calls.runId, params.runId),
          eq(calls.userId, params.userId),
          eq(calls.role, params.role),
          eq(calls.idx, params.idx),
        ),
      )
      .run().changes > 0
  );
}

/** Closes the calls still queued or running (a cancelled or crashed run); text is kept. */
export function closeOpenCalls(
  db: Db,
  params: { userId: string; runId: string; status: "cancelled" | "interrupted" | "failed" },
): number {
  return db
    .update(calls)
    .set({ status: params.status })
    .where(
      and(
        eq(calls.runId, params.runId),
        eq(calls.userId, params.userId),
        inArray(calls.status, [...OPEN_CALL_STATUSES]),
      ),
    )
    .run().changes;
}

/** The calls of some runs: panelists by position, then judge, then synthesizer. */
export function listCallsOfRuns(
  db: Db,
  params: { userId: string; runIds: readonly string[] },
): CallRow[] {
  if (params.runIds.length === 0) return [];
  return db
    .select()
    .from(calls)
    .where(and(inArray(calls.runId, [...params.runIds]), eq(calls.userId, params.userId)))
    .orderBy(asc(calls.runId), asc(calls.role), asc(calls.idx))
    .all();
}

/** A nullable JSON column's value. */
export function jsonOrNull(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

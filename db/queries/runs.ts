/**
 * Runs (their calls are in calls.ts). Every read and write is scoped by the owner's id; JSON
 * columns are written here and parsed by lib/runs/load-run.ts.
 * Synchronous, like better-sqlite3 (drizzle's transactions on this driver must be synchronous).
 */
import { randomUUID } from "node:crypto";
import { and, asc, type Column, eq, inArray, sql } from "drizzle-orm";
import type { Analysis } from "@/lib/fusion/analysis";
import type { CallRole, FailureReason, LabelMap, RunTotals } from "@/lib/fusion/events";
import type { ChatMessage, PanelConfig } from "@/lib/fusion/input";
import type { RunStatus } from "@/lib/runs/run-view";
import type { Db } from "../client";
import { calls, conversations, type RunRow, runs } from "../schema";
import { refreshActivityForRun, refreshActivityForRuns } from "./activity-rollup";
import { jsonOrNull, OPEN_CALL_STATUSES } from "./calls";

/** Statuses of a run the engine is still working on. */
export const LIVE_RUN_STATUSES = [
  "running",
  "judging",
  "synthesizing",
] as const satisfies readonly RunStatus[];

const ownedRun = (userId: string, runId: string) =>
  and(eq(runs.id, runId), eq(runs.userId, userId));

/** Writes a new run (status `running`) and its calls (status `queued`) in one transaction. */
export function insertRunWithCalls(
  db: Db,
  params: {
    userId: string;
    run: {
      id: string;
      conversationId: string;
      prompt: string;
      panelSnapshot: PanelConfig;
      /** The saved panel it runs unchanged, if any. */
      panelId?: string | null;
      createdAt: number;
    };
    calls: { role: CallRole; idx: number; model: string }[];
  },
): void {
  const { userId, run } = params;
  db.transaction((tx) => {
    tx.insert(runs)
      .values({
        id: run.id,
        userId,
        conversationId: run.conversationId,
        prompt: run.prompt,
        status: "running",
        panelSnapshot: JSON.stringify(run.panelSnapshot),
        panelId: run.panelId ?? null,
        createdAt: run.createdAt,
      })
      .run();
    if (params.calls.length > 0) {
      tx.insert(calls)
        .values(
          params.calls.map((c) => ({
            id: randomUUID(),
            runId: run.id,
            userId,
            role: c.role,
            idx: c.idx,
            model: c.model,
            status: "queued",
          })),
        )
        .run();
    }
    // A new run is activity: the conversation moves to the top of the list.
    tx.update(conversations)
      .set({ updatedAt: run.createdAt })
      .where(and(eq(conversations.id, run.conversationId), eq(conversations.userId, userId)))
      .run();
  });
}

/** Progress of a live run: its status, and what the judge decided as soon as it is known. */
export function updateRunStatus(
  db: Db,
  params: {
    userId: string;
    runId: string;
    status?: RunStatus;
    labelMap?: LabelMap;
    analysis?: Analysis | null;
    degradedReasons?: FailureReason[];
  },
): boolean {
  const set = {
    ...(params.status !== undefined ? { status: params.status } : {}),
    ...(params.labelMap !== undefined ? { labelMap: JSON.stringify(params.labelMap) } : {}),
    ...(params.analysis !== undefined ? { analysis: jsonOrNull(params.analysis) } : {}),
    ...(params.degradedReasons !== undefined
      ? { degradedReasons: JSON.stringify(params.degradedReasons) }
      : {}),
  };
  if (Object.keys(set).length === 0) return false;
  return db.update(runs).set(set).where(ownedRun(params.userId, params.runId)).run().changes > 0;
}

/** Records how a run ended. `totals` is null when the engine never reported them. */
export function finishRun(
  db: Db,
  params: {
    userId: string;
    runId: string;
    status: RunStatus;
    totals: RunTotals | null;
    analysis?: Analysis | null;
    labelMap?: LabelMap;
    failedModels?: string[];
    failureReason?: FailureReason | null;
    failureMessage?: string | null;
    degradedReasons?: FailureReason[];
    answer?: string;
    finishedAt: number;
  },
): boolean {
  const t = params.totals;
  const set = {
    status: params.status,
    ...(t
      ? {
          costMicroUsd: t.costMicroUsd,
          unpricedCalls: t.unpricedCalls,
          inputTokens: t.inputTokens,
          outputTokens: t.outputTokens,
          reasoningTokens: t.reasoningTokens,
          durationMs: t.durationMs,
        }
      : {}),
    ...(params.analysis !== undefined ? { analysis: jsonOrNull(params.analysis) } : {}),
    ...(params.labelMap !== undefined ? { labelMap: JSON.stringify(params.labelMap) } : {}),
    ...(params.failedModels !== undefined
      ? { failedModels: JSON.stringify(params.failedModels) }
      : {}),
    ...(params.failureReason !== undefined ? { failureReason: params.failureReason } : {}),
    ...(params.failureMessage !== undefined ? { failureMessage: params.failureMessage } : {}),
    ...(params.degradedReasons !== undefined
      ? { degradedReasons: JSON.stringify(params.degradedReasons) }
      : {}),
    ...(params.answer !== undefined ? { answer: params.answer } : {}),
    finishedAt: params.finishedAt,
  };
  const changed =
    db.update(runs).set(set).where(ownedRun(params.userId, params.runId)).run().changes > 0;
  // Every way a run ends comes through here, so Activity's daily totals are kept here.
  if (changed) refreshActivityForRun(db, { userId: params.userId, runId: params.runId });
  return changed;
}

export function getRun(db: Db, params: { userId: string; runId: string }): RunRow | undefined {
  return db.select().from(runs).where(ownedRun(params.userId, params.runId)).get();
}

/** The conversation's runs, oldest first (rowid breaks ties within one millisecond). */
export function listRunsOfConversation(
  db: Db,
  params: { userId: string; conversationId: string },
): RunRow[] {
  return db
    .select()
    .from(runs)
    .where(and(eq(runs.conversationId, params.conversationId), eq(runs.userId, params.userId)))
    .orderBy(asc(runs.createdAt), asc(sql`${runs}.rowid`))
    .all();
}

/**
 * Earlier turns of a conversation for a follow-up: each answered run's prompt and final
 * answer, in order. With `beforeRunId`, only the runs before that one (a retry sees what the
 * original saw).
 */
export function conversationHistory(
  db: Db,
  params: { userId: string; conversationId: string; beforeRunId?: string },
): ChatMessage[] {
  const all = listRunsOfConversation(db, params);
  const cut = params.beforeRunId ? all.findIndex((r) => r.id === params.beforeRunId) : -1;
  const earlier = cut >= 0 ? all.slice(0, cut) : all;
  return earlier
    .filter((r) => r.answer.trim() !== "")
    .flatMap((r): ChatMessage[] => [
      { role: "user", content: r.prompt },
      { role: "assistant", content: r.answer },
    ]);
}

/**
 * On start-up: runs the previous process left unfinished become `interrupted`, with their open
 * calls; streamed text is kept, and the cost of calls that did finish is added up. Not scoped
 * by user: it is the server's own housekeeping. Returns how many runs it marked.
 */
export function markUnfinishedRunsInterrupted(db: Db, params: { now?: number } = {}): number {
  const now = params.now ?? Date.now();
  return db.transaction((tx) => {
    const staleRuns = tx
      .select({ id: runs.id, userId: runs.userId, createdAt: runs.createdAt })
      .from(runs)
      .where(inArray(runs.status, [...LIVE_RUN_STATUSES]))
      .all();
    const stale = staleRuns.map((r) => r.id);
    if (stale.length === 0) return 0;
    tx.update(calls)
      .set({ status: "interrupted" })
      .where(and(inArray(calls.runId, stale), inArray(calls.status, [...OPEN_CALL_STATUSES])))
      .run();
    // Only finished calls carry usage; what they cost was really spent.
    const spent = (column: Column) =>
      sql<number>`(select coalesce(sum(${column}), 0) from ${calls} where ${calls.runId} = ${runs.id})`;
    tx.update(runs)
      .set({
        status: "interrupted",
        finishedAt: now,
        costMicroUsd: spent(calls.costMicroUsd),
        inputTokens: spent(calls.inputTokens),
        outputTokens: spent(calls.outputTokens),
        reasoningTokens: spent(calls.reasoningTokens),
      })
      .where(inArray(runs.id, stale))
      .run();
    refreshActivityForRuns(tx, { runs: staleRuns });
    return stale.length;
  });
}

/** Ids of the conversation's runs still in progress (to cancel them before deleting it). */
export function liveRunIdsOfConversation(
  db: Db,
  params: { userId: string; conversationId: string },
): string[] {
  return db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.conversationId, params.conversationId),
        eq(runs.userId, params.userId),
        inArray(runs.status, [...LIVE_RUN_STATUSES]),
      ),
    )
    .all()
    .map((r) => r.id);
}

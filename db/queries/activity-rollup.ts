/**
 * The daily rollup behind Activity's totals, chart and top models (schema: activity_daily).
 * Summing calls over a year of runs per page view is too slow at 100 000 runs, so finished
 * runs are added up per user, UTC day, status and model. A day is always recomputed whole from
 * its runs and calls, which makes every refresh idempotent and self-healing.
 */
import { and, eq, gte, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { activityDaily, calls, meta, runs } from "../schema";

export const DAY_MS = 86_400_000;
/** The rollup row that adds up whole runs, whatever their models. */
export const ALL_MODELS = "*";
/** Statuses of runs still in progress; they join the rollup when they finish. */
const LIVE = ["running", "judging", "synthesizing"];
const BACKFILL_KEY = "activity_rollup:v1";

/** The database or a transaction on it (the rebuild refreshes every day in one transaction). */
type Queryable = Omit<Db, "$client">;

export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

type Sums = {
  runs: number;
  runInputTokens: number;
  runOutputTokens: number;
  runCostMicroUsd: number;
  calls: number;
  callInputTokens: number;
  callOutputTokens: number;
  callCostMicroUsd: number;
};
const zero = (): Sums => ({
  runs: 0,
  runInputTokens: 0,
  runOutputTokens: 0,
  runCostMicroUsd: 0,
  calls: 0,
  callInputTokens: 0,
  callOutputTokens: 0,
  callCostMicroUsd: 0,
});

/** Recomputes one user's rollup rows for one day from the runs and calls of that day. */
export function refreshActivityDay(db: Queryable, params: { userId: string; day: number }): void {
  const { userId, day } = params;
  const inDay = and(
    eq(runs.userId, userId),
    gte(runs.createdAt, day * DAY_MS),
    lt(runs.createdAt, (day + 1) * DAY_MS),
    notInArray(runs.status, LIVE),
  );
  db.transaction((tx) => {
    const dayRuns = tx
      .select({
        id: runs.id,
        status: runs.status,
        inputTokens: runs.inputTokens,
        outputTokens: runs.outputTokens,
        costMicroUsd: runs.costMicroUsd,
      })
      .from(runs)
      .where(inDay)
      .all();
    const dayCalls = tx
      .select({
        runId: calls.runId,
        model: calls.model,
        inputTokens: calls.inputTokens,
        outputTokens: calls.outputTokens,
        costMicroUsd: calls.costMicroUsd,
      })
      .from(calls)
      .innerJoin(runs, eq(runs.id, calls.runId))
      .where(inDay)
      .all();

    const rows = new Map<string, Sums & { status: string; model: string }>();
    const row = (status: string, model: string) => {
      const key = `${status}\u0000${model}`;
      let r = rows.get(key);
      if (!r) {
        r = { status, model, ...zero() };
        rows.set(key, r);
      }
      return r;
    };
    const runById = new Map(dayRuns.map((r) => [r.id, r]));
    const addRun = (target: Sums, run: (typeof dayRuns)[number]) => {
      target.runs += 1;
      target.runInputTokens += run.inputTokens;
      target.runOutputTokens += run.outputTokens;
      target.runCostMicroUsd += run.costMicroUsd;
    };
    for (const run of dayRuns) addRun(row(run.status, ALL_MODELS), run);
    const counted = new Set<string>();
    for (const call of dayCalls) {
      const run = runById.get(call.runId);
      if (!run) continue;
      const cost = call.costMicroUsd ?? 0;
      for (const model of [ALL_MODELS, call.model]) {
        const target = row(run.status, model);
        target.calls += 1;
        target.callInputTokens += call.inputTokens;
        target.callOutputTokens += call.outputTokens;
        target.callCostMicroUsd += cost;
      }
      // A self-panel has one model twice: the run counts once for that model.
      const seen = `${run.id}\u0000${call.model}`;
      if (!counted.has(seen)) {
        counted.add(seen);
        addRun(row(run.status, call.model), run);
      }
    }

    tx.delete(activityDaily)
      .where(and(eq(activityDaily.userId, userId), eq(activityDaily.day, day)))
      .run();
    const values = [...rows.values()].map((r) => ({ userId, day, ...r }));
    // SQLite caps bound variables per statement; 12 columns × 500 rows stays well under it.
    for (let i = 0; i < values.length; i += 500) {
      tx.insert(activityDaily)
        .values(values.slice(i, i + 500))
        .run();
    }
  });
}

/** Refreshes the days these runs fall on (after they finished, were deleted or moved). */
export function refreshActivityForRuns(
  db: Queryable,
  params: { runs: readonly { userId: string; createdAt: number }[] },
): void {
  const days = new Map<string, { userId: string; day: number }>();
  for (const r of params.runs) {
    const day = dayOf(r.createdAt);
    days.set(`${r.userId}:${day}`, { userId: r.userId, day });
  }
  for (const d of days.values()) refreshActivityDay(db, d);
}

/** Refreshes the day of one run; a rollup failure is logged, never fails the caller. */
export function refreshActivityForRun(db: Db, params: { userId: string; runId: string }): void {
  try {
    const run = db
      .select({ userId: runs.userId, createdAt: runs.createdAt })
      .from(runs)
      .where(and(eq(runs.id, params.runId), eq(runs.userId, params.userId)))
      .get();
    if (run) refreshActivityDay(db, { userId: run.userId, day: dayOf(run.createdAt) });
  } catch (error) {
    console.error(`quorum: updating activity totals for run ${params.runId} failed`, error);
  }
}

/** Recomputes every day of every user. */
export function rebuildActivityRollup(db: Db): void {
  const pairs = db
    .selectDistinct({
      userId: runs.userId,
      // Inlined: better-sqlite3 binds numbers as REAL, which would make this a real division.
      day: sql<number>`${runs.createdAt} / ${sql.raw(String(DAY_MS))}`.mapWith(Number),
    })
    .from(runs)
    .all();
  db.transaction((tx) => {
    tx.delete(activityDaily).run();
    for (const p of pairs) refreshActivityDay(tx, p);
  });
}

/**
 * Runs finished before the rollup existed are added once: the first Activity view after the
 * upgrade rebuilds it (a meta flag remembers it was done). Cheap to call on every view.
 */
export function ensureActivityRollup(db: Db): void {
  if (db.select().from(meta).where(eq(meta.key, BACKFILL_KEY)).get()) return;
  rebuildActivityRollup(db);
  db.insert(meta)
    .values({ key: BACKFILL_KEY, value: String(Date.now()) })
    .onConflictDoNothing()
    .run();
}

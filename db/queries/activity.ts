/**
 * Activity: the user's runs newest first, paged by a (created_at, id) cursor, and totals,
 * cost per day and top models from the daily rollup (activity-rollup.ts). Every query is
 * scoped by the user's id. Dates are whole UTC days.
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import { activityDaily, calls, conversations, runs } from "../schema";
import { ALL_MODELS, DAY_MS } from "./activity-rollup";

/** `running` stands for every live status (running, judging, synthesizing). */
export const ACTIVITY_STATUSES = [
  "done",
  "degraded",
  "failed",
  "cancelled",
  "interrupted",
  "running",
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
const LIVE = ["running", "judging", "synthesizing"];

export type ActivityFilters = {
  /** First day included (days since the epoch, UTC). */
  fromDay?: number;
  /** Last day included. */
  toDay?: number;
  /** Runs with at least one call of this model. */
  model?: string;
  status?: ActivityStatus;
};

export type ActivityCursor = { createdAt: number; id: string };

export type ActivityRun = {
  id: string;
  conversationId: string;
  conversationTitle: string;
  prompt: string;
  status: string;
  createdAt: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  unpricedCalls: number;
  durationMs: number | null;
  /** Panelists in panel order, then judge, then synthesizer. */
  models: { role: string; model: string }[];
};

/** Below this share of the user's runs, a model filter starts from the model's calls. */
const RARE_MODEL_SHARE = 0.05;

function runConditions(db: Db, userId: string, filters: ActivityFilters): SQL[] {
  const where: SQL[] = [eq(runs.userId, userId)];
  if (filters.fromDay !== undefined) where.push(gte(runs.createdAt, filters.fromDay * DAY_MS));
  if (filters.toDay !== undefined) where.push(lt(runs.createdAt, (filters.toDay + 1) * DAY_MS));
  if (filters.status === "running") where.push(inArray(runs.status, LIVE));
  else if (filters.status) where.push(eq(runs.status, filters.status));
  const { model } = filters;
  if (model) {
    // Walking the runs newest first and probing each for the model finds a page at once for
    // a common model, but reads every run for a rare one (0.35 s at 100 000 runs); starting
    // from the model's calls is the reverse. The rollup says which case this is, for ~0.2 ms.
    const matching = activityTotals(db, { userId, filters }).runs;
    const all = activityTotals(db, { userId, filters: { ...filters, model: undefined } }).runs;
    where.push(
      matching < all * RARE_MODEL_SHARE
        ? sql`${runs.id} in (select ${calls.runId} from ${calls} where ${calls.model} = ${model} and ${calls.userId} = ${userId})`
        : sql`exists (select 1 from ${calls} where ${calls.runId} = ${runs.id} and ${calls.model} = ${model})`,
    );
  }
  return where;
}

const ROLE_ORDER = { panelist: 0, judge: 1, synthesizer: 2 } as Record<string, number>;

/** One page of runs, newest first, and the cursor of the next page (null at the end). */
export function listActivityRuns(
  db: Db,
  params: { userId: string; filters: ActivityFilters; cursor?: ActivityCursor; limit: number },
): { runs: ActivityRun[]; next: ActivityCursor | null } {
  const where = runConditions(db, params.userId, params.filters);
  if (params.cursor) {
    where.push(
      sql`(${runs.createdAt}, ${runs.id}) < (${params.cursor.createdAt}, ${params.cursor.id})`,
    );
  }
  const rows = db
    .select({
      id: runs.id,
      conversationId: runs.conversationId,
      conversationTitle: conversations.title,
      prompt: runs.prompt,
      status: runs.status,
      createdAt: runs.createdAt,
      inputTokens: runs.inputTokens,
      outputTokens: runs.outputTokens,
      costMicroUsd: runs.costMicroUsd,
      unpricedCalls: runs.unpricedCalls,
      durationMs: runs.durationMs,
    })
    .from(runs)
    .innerJoin(conversations, eq(conversations.id, runs.conversationId))
    .where(and(...where))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(params.limit + 1)
    .all();
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const next =
    rows.length > params.limit && last ? { createdAt: last.createdAt, id: last.id } : null;

  const models = new Map<string, { role: string; idx: number; model: string }[]>();
  if (page.length > 0) {
    const callRows = db
      .select({ runId: calls.runId, role: calls.role, idx: calls.idx, model: calls.model })
      .from(calls)
      .where(
        and(
          inArray(
            calls.runId,
            page.map((r) => r.id),
          ),
          eq(calls.userId, params.userId),
        ),
      )
      .all();
    for (const c of callRows) models.set(c.runId, [...(models.get(c.runId) ?? []), c]);
  }
  return {
    runs: page.map((r) => ({
      ...r,
      models: (models.get(r.id) ?? [])
        .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.idx - b.idx)
        .map(({ role, model }) => ({ role, model })),
    })),
    next,
  };
}

function rollupConditions(userId: string, filters: ActivityFilters): SQL[] {
  const where: SQL[] = [eq(activityDaily.userId, userId)];
  if (filters.fromDay !== undefined) where.push(gte(activityDaily.day, filters.fromDay));
  if (filters.toDay !== undefined) where.push(lt(activityDaily.day, filters.toDay + 1));
  // Live runs are not in the rollup yet: a "running" filter totals nothing.
  if (filters.status) where.push(eq(activityDaily.status, filters.status));
  return where;
}

export type ActivityTotals = {
  runs: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
};

/** Totals of the finished runs matching the filters (with a model: the runs that used it). */
export function activityTotals(
  db: Db,
  params: { userId: string; filters: ActivityFilters },
): ActivityTotals {
  const row = db
    .select({
      runs: sql<number>`coalesce(sum(${activityDaily.runs}), 0)`,
      inputTokens: sql<number>`coalesce(sum(${activityDaily.runInputTokens}), 0)`,
      outputTokens: sql<number>`coalesce(sum(${activityDaily.runOutputTokens}), 0)`,
      costMicroUsd: sql<number>`coalesce(sum(${activityDaily.runCostMicroUsd}), 0)`,
    })
    .from(activityDaily)
    .where(
      and(
        ...rollupConditions(params.userId, params.filters),
        eq(activityDaily.model, params.filters.model ?? ALL_MODELS),
      ),
    )
    .get();
  return row ?? { runs: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0 };
}

/** Spend per day and model (the calls' own cost), oldest day first, for the stacked chart. */
export function activityCostByDay(
  db: Db,
  params: { userId: string; filters: ActivityFilters },
): { day: number; model: string; costMicroUsd: number }[] {
  const { model } = params.filters;
  return db
    .select({
      day: activityDaily.day,
      model: activityDaily.model,
      costMicroUsd: sql<number>`sum(${activityDaily.callCostMicroUsd})`,
    })
    .from(activityDaily)
    .where(
      and(
        ...rollupConditions(params.userId, params.filters),
        model ? eq(activityDaily.model, model) : ne(activityDaily.model, ALL_MODELS),
      ),
    )
    .groupBy(activityDaily.day, activityDaily.model)
    .orderBy(asc(activityDaily.day))
    .all();
}

export type ModelSpend = {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
};

/** Models by what their calls cost, most first. */
export function topModelsBySpend(
  db: Db,
  params: { userId: string; filters: ActivityFilters; limit: number },
): ModelSpend[] {
  const { model } = params.filters;
  const cost = sql<number>`sum(${activityDaily.callCostMicroUsd})`;
  return db
    .select({
      model: activityDaily.model,
      calls: sql<number>`sum(${activityDaily.calls})`,
      inputTokens: sql<number>`sum(${activityDaily.callInputTokens})`,
      outputTokens: sql<number>`sum(${activityDaily.callOutputTokens})`,
      costMicroUsd: cost,
    })
    .from(activityDaily)
    .where(
      and(
        ...rollupConditions(params.userId, params.filters),
        model ? eq(activityDaily.model, model) : ne(activityDaily.model, ALL_MODELS),
      ),
    )
    .groupBy(activityDaily.model)
    .orderBy(desc(cost), asc(activityDaily.model))
    .limit(params.limit)
    .all();
}

/** Every model the user's finished runs have called, for the model filter. */
export function activityModels(db: Db, params: { userId: string }): string[] {
  return db
    .selectDistinct({ model: activityDaily.model })
    .from(activityDaily)
    .where(and(eq(activityDaily.userId, params.userId), ne(activityDaily.model, ALL_MODELS)))
    .orderBy(asc(activityDaily.model))
    .all()
    .map((r) => r.model);
}

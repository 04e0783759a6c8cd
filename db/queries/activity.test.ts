import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  INTRUDER,
  PANEL,
  recordingHub,
  setupDatabase,
  simResolver,
  USER,
} from "@/lib/runs/__tests__/helpers";
import { waitForRun } from "@/lib/runs/active-runs";
import { startRun } from "@/lib/runs/start-run";
import type { TestDatabase } from "../test-db";
import {
  activityCostByDay,
  activityModels,
  activityTotals,
  listActivityRuns,
  topModelsBySpend,
} from "./activity";
import { DAY_MS, rebuildActivityRollup } from "./activity-rollup";
import { listCallsOfRuns, updateCall } from "./calls";
import { createConversation, deleteConversation } from "./conversations";
import { finishRun, insertRunWithCalls, markUnfinishedRunsInterrupted } from "./runs";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

const DAY = 20_000; // an arbitrary UTC day
let seq = 0;

/** A finished run on `day` whose calls cost `costs` (models in the same order). */
function seedRun(opts: {
  conversationId: string;
  day: number;
  models: string[];
  costs: number[];
  status?: "done" | "failed" | "degraded";
  offsetMs?: number;
}): string {
  const runId = `run-${String(++seq).padStart(3, "0")}`;
  const createdAt = opts.day * DAY_MS + (opts.offsetMs ?? 1000);
  insertRunWithCalls(t.db, {
    userId: USER,
    run: {
      id: runId,
      conversationId: opts.conversationId,
      prompt: "p",
      panelSnapshot: PANEL as never,
      createdAt,
    },
    calls: opts.models.map((model, idx) => ({ role: "panelist" as const, idx, model })),
  });
  for (const [idx] of opts.models.entries()) {
    updateCall(t.db, {
      userId: USER,
      runId,
      role: "panelist",
      idx,
      patch: {
        status: "done",
        costMicroUsd: opts.costs[idx] ?? 0,
        inputTokens: 10,
        outputTokens: 20,
      },
    });
  }
  const cost = opts.costs.reduce((a, b) => a + b, 0);
  finishRun(t.db, {
    userId: USER,
    runId,
    status: opts.status ?? "done",
    totals: {
      costMicroUsd: cost,
      unpricedCalls: 0,
      inputTokens: 10 * opts.models.length,
      outputTokens: 20 * opts.models.length,
      reasoningTokens: 0,
      durationMs: 100,
    },
    finishedAt: createdAt + 100,
  });
  return runId;
}

describe("activity", () => {
  it("a real run's totals equal the sum of its calls, and only its owner sees it", async () => {
    const { runId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: "How do tides work?",
      panel: PANEL,
      resolve: simResolver(),
      hub: recordingHub(),
    });
    await waitForRun(runId);
    const calls = listCallsOfRuns(t.db, { userId: USER, runIds: [runId] });
    const sum = calls.reduce((a, c) => a + (c.costMicroUsd ?? 0), 0);
    expect(sum).toBeGreaterThan(0);
    const totals = activityTotals(t.db, { userId: USER, filters: {} });
    expect(totals).toEqual({
      runs: 1,
      costMicroUsd: sum,
      inputTokens: calls.reduce((a, c) => a + c.inputTokens, 0),
      outputTokens: calls.reduce((a, c) => a + c.outputTokens, 0),
    });
    const [listed] = listActivityRuns(t.db, { userId: USER, filters: {}, limit: 10 }).runs;
    expect(listed).toMatchObject({ id: runId, costMicroUsd: sum, status: "done" });
    expect(listed?.models.map((m) => m.role)).toEqual([
      "panelist",
      "panelist",
      "panelist",
      "judge",
      "synthesizer",
    ]);
    const byModel = topModelsBySpend(t.db, { userId: USER, filters: {}, limit: 10 });
    expect(byModel.reduce((a, m) => a + m.costMicroUsd, 0)).toBe(sum);

    expect(listActivityRuns(t.db, { userId: INTRUDER, filters: {}, limit: 10 }).runs).toEqual([]);
    expect(activityTotals(t.db, { userId: INTRUDER, filters: {} }).runs).toBe(0);
    expect(activityCostByDay(t.db, { userId: INTRUDER, filters: {} })).toEqual([]);
  });

  it("pages newest first by (created_at, id) with no run twice, even on ties", () => {
    const c = createConversation(t.db, { userId: USER, title: "c" }).id;
    const ids = [0, 0, 0, 1, 1, 2, 3].map((offset) =>
      seedRun({ conversationId: c, day: DAY, models: ["sim:atlas"], costs: [1], offsetMs: offset }),
    );
    const seen: string[] = [];
    let cursor: { createdAt: number; id: string } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = listActivityRuns(t.db, {
        userId: USER,
        filters: {},
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.runs.map((r) => r.id));
      if (!page.next) break;
      cursor = page.next;
    }
    // createdAt desc, then id desc among equal times.
    expect(seen).toEqual([ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
  });

  it("filters by date range, model and status, in the list and in the totals alike", () => {
    const c = createConversation(t.db, { userId: USER, title: "c" }).id;
    seedRun({ conversationId: c, day: DAY, models: ["sim:atlas", "sim:nova"], costs: [100, 200] });
    seedRun({
      conversationId: c,
      day: DAY + 1,
      models: ["sim:atlas", "sim:atlas"],
      costs: [10, 20],
      status: "failed",
    });
    seedRun({ conversationId: c, day: DAY + 5, models: ["sim:sage"], costs: [1000] });
    const check = (
      filters: Parameters<typeof activityTotals>[1]["filters"],
      runs: number,
      cost: number,
    ) => {
      const list = listActivityRuns(t.db, { userId: USER, filters, limit: 50 }).runs;
      expect(list).toHaveLength(runs);
      expect(activityTotals(t.db, { userId: USER, filters })).toMatchObject({
        runs,
        costMicroUsd: cost,
      });
      expect(list.reduce((a, r) => a + r.costMicroUsd, 0)).toBe(cost);
    };
    check({}, 3, 1330);
    check({ fromDay: DAY, toDay: DAY + 1 }, 2, 330);
    check({ fromDay: DAY + 1 }, 2, 1030);
    check({ toDay: DAY }, 1, 300);
    check({ status: "failed" }, 1, 30);
    check({ status: "running" }, 0, 0);
    check({ model: "sim:atlas" }, 2, 330); // runs that used it, counted once each
    check({ model: "sim:atlas", status: "done", fromDay: DAY, toDay: DAY }, 1, 300);

    // The chart and top models split spend by each call's own model.
    expect(activityCostByDay(t.db, { userId: USER, filters: { toDay: DAY + 1 } })).toEqual([
      { day: DAY, model: "sim:atlas", costMicroUsd: 100 },
      { day: DAY, model: "sim:nova", costMicroUsd: 200 },
      { day: DAY + 1, model: "sim:atlas", costMicroUsd: 30 },
    ]);
    expect(
      topModelsBySpend(t.db, { userId: USER, filters: {}, limit: 2 }).map((m) => [
        m.model,
        m.costMicroUsd,
      ]),
    ).toEqual([
      ["sim:sage", 1000],
      ["sim:nova", 200],
    ]);
    expect(activityModels(t.db, { userId: USER })).toEqual(["sim:atlas", "sim:nova", "sim:sage"]);
  });

  it("finds a rarely used model's runs too, page by page (the other query plan)", () => {
    const c = createConversation(t.db, { userId: USER, title: "c" }).id;
    const rare: string[] = [];
    for (let i = 0; i < 45; i++) {
      const models = i % 30 === 0 ? ["sim:atlas", "sim:sage"] : ["sim:atlas"];
      const id = seedRun({ conversationId: c, day: DAY, models, costs: [1, 1], offsetMs: i });
      if (models.includes("sim:sage")) rare.push(id);
    }
    expect(rare).toHaveLength(2); // 2 of 45 runs: under the 5% that switches plans
    const filters = { model: "sim:sage" };
    const first = listActivityRuns(t.db, { userId: USER, filters, limit: 1 });
    expect(first.runs.map((r) => r.id)).toEqual([rare[1]]);
    const next = first.next ?? undefined;
    const second = listActivityRuns(t.db, { userId: USER, filters, limit: 1, cursor: next });
    expect(second.runs.map((r) => r.id)).toEqual([rare[0]]);
    expect(second.next).toBeNull();
    expect(listActivityRuns(t.db, { userId: INTRUDER, filters, limit: 2 }).runs).toEqual([]);
  });

  it("keeps the rollup true when runs are deleted or interrupted, and rebuilds it the same", () => {
    const c1 = createConversation(t.db, { userId: USER, title: "keep" }).id;
    const c2 = createConversation(t.db, { userId: USER, title: "delete" }).id;
    seedRun({ conversationId: c1, day: DAY, models: ["sim:atlas"], costs: [5] });
    seedRun({ conversationId: c2, day: DAY, models: ["sim:nova"], costs: [7] });
    expect(activityTotals(t.db, { userId: USER, filters: {} }).costMicroUsd).toBe(12);
    deleteConversation(t.db, { userId: USER, conversationId: c2 });
    expect(activityTotals(t.db, { userId: USER, filters: {} })).toMatchObject({
      runs: 1,
      costMicroUsd: 5,
    });

    insertRunWithCalls(t.db, {
      userId: USER,
      run: {
        id: "left-running",
        conversationId: c1,
        prompt: "p",
        panelSnapshot: PANEL as never,
        createdAt: DAY * DAY_MS,
      },
      calls: [{ role: "panelist", idx: 0, model: "sim:sage" }],
    });
    expect(activityTotals(t.db, { userId: USER, filters: {} }).runs).toBe(1); // live: not yet
    markUnfinishedRunsInterrupted(t.db);
    expect(activityTotals(t.db, { userId: USER, filters: { status: "interrupted" } }).runs).toBe(1);

    const before = activityCostByDay(t.db, { userId: USER, filters: {} });
    const totals = activityTotals(t.db, { userId: USER, filters: {} });
    rebuildActivityRollup(t.db);
    expect(activityCostByDay(t.db, { userId: USER, filters: {} })).toEqual(before);
    expect(activityTotals(t.db, { userId: USER, filters: {} })).toEqual(totals);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/db/test-db";
import { panelConfigSchema } from "@/lib/fusion/input";
import { INTRUDER, PANEL, setupDatabase, USER } from "@/lib/runs/__tests__/helpers";
import { createConversation, getConversation, setConversationPanel } from "./conversations";
import {
  createPanel,
  deletePanel,
  getPanel,
  listPanels,
  panelRunStats,
  updatePanel,
} from "./panels";
import { finishRun, getRun, insertRunWithCalls } from "./runs";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

const config = panelConfigSchema.parse(PANEL);

function run(params: {
  id: string;
  panelId: string | null;
  status: string;
  cost: number;
  userId?: string;
}) {
  const userId = params.userId ?? USER;
  const c = createConversation(t.db, { userId, title: params.id });
  insertRunWithCalls(t.db, {
    userId,
    run: {
      id: params.id,
      conversationId: c.id,
      prompt: "p",
      panelSnapshot: config,
      panelId: params.panelId,
      createdAt: 1,
    },
    calls: [],
  });
  finishRun(t.db, {
    userId,
    runId: params.id,
    status: params.status as "done",
    totals: {
      costMicroUsd: params.cost,
      unpricedCalls: 0,
      inputTokens: 1,
      outputTokens: 1,
      reasoningTokens: 0,
      durationMs: 1,
    },
    finishedAt: 2,
  });
  return c.id;
}

describe("panel queries", () => {
  it("list a user's panels by name, case-insensitively, and never another user's", () => {
    createPanel(t.db, { userId: USER, name: "beta", config, now: 1 });
    createPanel(t.db, { userId: USER, name: "Alpha", config, now: 2 });
    createPanel(t.db, { userId: INTRUDER, name: "Theirs", config });
    expect(listPanels(t.db, { userId: USER }).map((p) => p.name)).toEqual(["Alpha", "beta"]);
    expect(JSON.parse(listPanels(t.db, { userId: USER })[0]?.config ?? "")).toEqual(config);
  });

  it("keep names unique per user only", () => {
    createPanel(t.db, { userId: USER, name: "Trio", config });
    expect(() => createPanel(t.db, { userId: USER, name: "Trio", config })).toThrow(/UNIQUE/);
    expect(() => createPanel(t.db, { userId: INTRUDER, name: "Trio", config })).not.toThrow();
  });

  it("treat another user's panel as missing: read, update, delete", () => {
    const mine = createPanel(t.db, { userId: USER, name: "Mine", config });
    expect(getPanel(t.db, { userId: INTRUDER, panelId: mine.id })).toBeUndefined();
    expect(
      updatePanel(t.db, { userId: INTRUDER, panelId: mine.id, name: "Stolen" }),
    ).toBeUndefined();
    expect(deletePanel(t.db, { userId: INTRUDER, panelId: mine.id })).toBe(false);
    expect(getPanel(t.db, { userId: USER, panelId: mine.id })?.name).toBe("Mine");
    const renamed = updatePanel(t.db, { userId: USER, panelId: mine.id, name: "Ours", now: 99 });
    expect(renamed).toMatchObject({ name: "Ours", updatedAt: 99, config: mine.config });
  });

  it("average the cost of a panel's finished runs, per panel and per user", () => {
    const a = createPanel(t.db, { userId: USER, name: "A", config });
    const b = createPanel(t.db, { userId: USER, name: "B", config });
    run({ id: "r1", panelId: a.id, status: "done", cost: 100 });
    run({ id: "r2", panelId: a.id, status: "degraded", cost: 201 });
    run({ id: "r3", panelId: a.id, status: "failed", cost: 5 }); // no answer: not measured
    run({ id: "r4", panelId: null, status: "done", cost: 7 });
    run({ id: "r5", panelId: a.id, status: "done", cost: 1_000, userId: INTRUDER });
    expect(panelRunStats(t.db, { userId: USER })).toEqual([
      { panelId: a.id, runs: 2, avgCostMicroUsd: 151 },
    ]);
    expect(panelRunStats(t.db, { userId: USER, panelIds: [b.id] })).toEqual([]);
    expect(panelRunStats(t.db, { userId: USER, panelIds: [] })).toEqual([]);
  });

  it("deleting a panel unlinks its runs and conversations, which keep their snapshot", () => {
    const p = createPanel(t.db, { userId: USER, name: "P", config });
    const conversationId = run({ id: "r1", panelId: p.id, status: "done", cost: 10 });
    setConversationPanel(t.db, {
      userId: USER,
      conversationId,
      panelConfig: config,
      panelId: p.id,
    });
    expect(deletePanel(t.db, { userId: USER, panelId: p.id })).toBe(true);
    expect(getRun(t.db, { userId: USER, runId: "r1" })).toMatchObject({ panelId: null });
    expect(getConversation(t.db, { userId: USER, conversationId })).toMatchObject({
      panelId: null,
      panelConfig: JSON.stringify(config),
    });
    expect(deletePanel(t.db, { userId: USER, panelId: p.id })).toBe(false);
  });
});

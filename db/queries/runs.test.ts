import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/db/test-db";
import { panelConfigSchema } from "@/lib/fusion/input";
import { INTRUDER, PANEL, setupDatabase, USER } from "@/lib/runs/__tests__/helpers";
import { listCallsOfRuns, updateCall } from "./calls";
import { createConversation, listConversations, setConversationPanel } from "./conversations";
import {
  conversationHistory,
  finishRun,
  getRun,
  insertRunWithCalls,
  listRunsOfConversation,
  markUnfinishedRunsInterrupted,
} from "./runs";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

const panelSnapshot = panelConfigSchema.parse(PANEL);

function addRun(conversationId: string, id: string, createdAt: number, answer?: string) {
  insertRunWithCalls(t.db, {
    userId: USER,
    run: { id, conversationId, prompt: `prompt ${id}`, panelSnapshot, createdAt },
    calls: [
      { role: "panelist", idx: 0, model: "sim:atlas" },
      { role: "judge", idx: 0, model: "sim:arbiter" },
    ],
  });
  if (answer !== undefined) {
    finishRun(t.db, {
      userId: USER,
      runId: id,
      status: "done",
      totals: null,
      answer,
      finishedAt: createdAt + 1,
    });
  }
}

describe("conversation and run queries", () => {
  it("list conversations newest activity first; a run moves its conversation up", () => {
    const a = createConversation(t.db, { userId: USER, title: "A", now: 10 });
    const b = createConversation(t.db, { userId: USER, title: "B", now: 20 });
    createConversation(t.db, { userId: INTRUDER, title: "theirs", now: 30 });
    expect(listConversations(t.db, { userId: USER }).map((c) => c.title)).toEqual(["B", "A"]);
    addRun(a.id, "r1", 40);
    expect(listConversations(t.db, { userId: USER }).map((c) => c.title)).toEqual(["A", "B"]);
    setConversationPanel(t.db, {
      userId: USER,
      conversationId: b.id,
      panelConfig: panelSnapshot,
      now: 50,
    });
    expect(listConversations(t.db, { userId: USER }).map((c) => c.title)).toEqual(["B", "A"]);
  });

  it("history holds answered runs only, in order, and can stop before a run", () => {
    const c = createConversation(t.db, { userId: USER, title: "C" });
    addRun(c.id, "r1", 1, "answer 1");
    addRun(c.id, "r2", 2, ""); // failed: no answer
    addRun(c.id, "r3", 2, "answer 3"); // same millisecond: insertion order decides
    addRun(c.id, "r4", 3);
    expect(
      listRunsOfConversation(t.db, { userId: USER, conversationId: c.id }).map((r) => r.id),
    ).toEqual(["r1", "r2", "r3", "r4"]);
    expect(conversationHistory(t.db, { userId: USER, conversationId: c.id })).toEqual([
      { role: "user", content: "prompt r1" },
      { role: "assistant", content: "answer 1" },
      { role: "user", content: "prompt r3" },
      { role: "assistant", content: "answer 3" },
    ]);
    expect(
      conversationHistory(t.db, { userId: USER, conversationId: c.id, beforeRunId: "r3" }),
    ).toEqual([
      { role: "user", content: "prompt r1" },
      { role: "assistant", content: "answer 1" },
    ]);
  });

  it("marks unfinished runs and their open calls interrupted, keeping text and spend", () => {
    const c = createConversation(t.db, { userId: USER, title: "C" });
    addRun(c.id, "done", 1, "fine");
    addRun(c.id, "cut", 2);
    updateCall(t.db, {
      userId: USER,
      runId: "cut",
      role: "panelist",
      idx: 0,
      patch: { status: "streaming", text: "Half an ans" },
    });
    updateCall(t.db, {
      userId: USER,
      runId: "cut",
      role: "judge",
      idx: 0,
      patch: { status: "done", costMicroUsd: 7, inputTokens: 3 },
    });
    expect(markUnfinishedRunsInterrupted(t.db, { now: 99 })).toBe(1);
    expect(getRun(t.db, { userId: USER, runId: "cut" })).toMatchObject({
      status: "interrupted",
      finishedAt: 99,
      costMicroUsd: 7, // what finished calls cost was really spent
      inputTokens: 3,
    });
    expect(getRun(t.db, { userId: USER, runId: "done" })?.status).toBe("done");
    const calls = listCallsOfRuns(t.db, { userId: USER, runIds: ["cut", "done"] });
    expect(calls.filter((x) => x.runId === "cut").map((x) => [x.role, x.status, x.text])).toEqual([
      ["judge", "done", ""],
      ["panelist", "interrupted", "Half an ans"],
    ]);
    // A finished run's calls are not touched, even ones never started.
    expect(calls.filter((x) => x.runId === "done").map((x) => x.status)).toEqual([
      "queued",
      "queued",
    ]);
    expect(markUnfinishedRunsInterrupted(t.db)).toBe(0);
  });
});

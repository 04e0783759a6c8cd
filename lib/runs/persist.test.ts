import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listCallsOfRuns } from "@/db/queries/calls";
import { createConversation } from "@/db/queries/conversations";
import { getRun, insertRunWithCalls } from "@/db/queries/runs";
import type { TestDatabase } from "@/db/test-db";
import { panelConfigSchema } from "@/lib/fusion/input";
import { PANEL, recordingHub, setupDatabase, startSimRun, USER } from "./__tests__/helpers";
import { waitForRun } from "./active-runs";
import { createRunPersister } from "./persist";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => {
  vi.useRealTimers();
  t.cleanup();
});

/** Rows changed on this connection so far (SQLite's own counter). */
function rowWrites(): number {
  return (t.sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
}

function seedRun(runId: string) {
  const { id: conversationId } = createConversation(t.db, { userId: USER, title: "T" });
  insertRunWithCalls(t.db, {
    userId: USER,
    run: {
      id: runId,
      conversationId,
      prompt: "Hello?",
      panelSnapshot: panelConfigSchema.parse(PANEL),
      createdAt: 1,
    },
    calls: [
      { role: "panelist", idx: 0, model: "sim:atlas" },
      { role: "judge", idx: 0, model: "sim:arbiter" },
      { role: "synthesizer", idx: 0, model: "sim:weaver" },
    ],
  });
}

const panelistText = (runId: string) =>
  listCallsOfRuns(t.db, { userId: USER, runIds: [runId] }).find((c) => c.role === "panelist");

describe("the run persister", () => {
  it("writes a status change at once but streamed text at most once per interval", () => {
    vi.useFakeTimers();
    seedRun("r1");
    const persister = createRunPersister({ db: t.db, userId: USER, runId: "r1", flushMs: 250 });
    const before = rowWrites();
    persister.handle({ type: "panelist.started", index: 0, model: "sim:atlas", attempt: 1, at: 5 });
    expect(panelistText("r1")?.status).toBe("thinking");
    expect(rowWrites() - before).toBe(1);

    for (let i = 0; i < 100; i++) {
      persister.handle({ type: "panelist.delta", index: 0, channel: "text", delta: `w${i} ` });
      vi.advanceTimersByTime(2); // 100 deltas within 200 ms
    }
    expect(rowWrites() - before).toBe(1);
    expect(panelistText("r1")?.text).toBe("");
    vi.advanceTimersByTime(50);
    expect(rowWrites() - before).toBe(2);
    expect(panelistText("r1")).toMatchObject({ status: "streaming" });
    expect(panelistText("r1")?.text).toMatch(/^w0 w1 .* w99 $/);

    persister.handle({ type: "panelist.delta", index: 0, channel: "reasoning", delta: "hmm" });
    persister.handle({ type: "judge.started", model: "sim:arbiter", labels: { A: 0 }, at: 9 });
    expect(getRun(t.db, { userId: USER, runId: "r1" })?.status).toBe("judging");
    // The end of the run writes what is still buffered.
    persister.handle({
      type: "run.cancelled",
      calls: [],
      totals: {
        costMicroUsd: 7,
        unpricedCalls: 0,
        inputTokens: 1,
        outputTokens: 2,
        reasoningTokens: 0,
        durationMs: 30,
      },
    });
    expect(panelistText("r1")).toMatchObject({ status: "cancelled", reasoning: "hmm" });
    expect(getRun(t.db, { userId: USER, runId: "r1" })).toMatchObject({
      status: "cancelled",
      costMicroUsd: 7,
      durationMs: 30,
      labelMap: JSON.stringify({ A: 0 }),
    });
    persister.dispose();
  });

  it("never throws into the engine when the database fails", () => {
    seedRun("r2");
    const persister = createRunPersister({ db: t.db, userId: USER, runId: "r2" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    t.sqlite.close();
    expect(() =>
      persister.handle({ type: "synth.started", model: "sim:weaver", at: 1 }),
    ).not.toThrow();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    persister.dispose();
  });

  it("costs far fewer writes than there are streamed deltas in a real run", async () => {
    const hub = recordingHub();
    const before = rowWrites();
    const { runId } = await startSimRun(t, hub);
    await waitForRun(runId);
    const writes = rowWrites() - before;
    const events = hub.events.get(runId) ?? [];
    const deltas = events.filter((e) => e.type === "panelist.delta" || e.type === "synth.delta");
    expect(getRun(t.db, { userId: USER, runId })?.status).toBe("done");
    expect(deltas.length).toBeGreaterThan(40);
    // 5 call rows + run + conversation to insert, ~3 status writes per call, a few text flushes.
    expect(writes).toBeLessThan(deltas.length / 2);
  });
});

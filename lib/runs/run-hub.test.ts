import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/db/test-db";
import { recordingHub, setupDatabase, startSimRun, USER } from "./__tests__/helpers";
import { waitForRun } from "./active-runs";
import { loadRunView } from "./load-run";
import { createMemoryRunHub, getRunHub, type SequencedEvent } from "./run-hub";
import { applyEvent, newRunView, type RunView } from "./run-view";

function view(id: string): RunView {
  return newRunView({
    id,
    conversationId: "c1",
    prompt: "Hello?",
    createdAt: 1,
    panel: ["sim:atlas"],
    judge: "sim:arbiter",
    synthesizer: "sim:weaver",
  });
}

describe("the in-memory hub", () => {
  it("keeps each live run's view current and numbers events", () => {
    const hub = createMemoryRunHub();
    hub.open(view("r1"));
    const got: SequencedEvent[] = [];
    const unsubscribe = hub.subscribe("r1", (e) => got.push(e));
    hub.publish("r1", {
      type: "panelist.started",
      index: 0,
      model: "sim:atlas",
      attempt: 1,
      at: 2,
    });
    hub.publish("r1", { type: "panelist.delta", index: 0, channel: "text", delta: "Hi" });
    expect(got.map((e) => e.seq)).toEqual([1, 2]);
    expect(hub.snapshot("r1")?.seq).toBe(2);
    expect(hub.snapshot("r1")?.panel[0]).toMatchObject({ status: "streaming", text: "Hi" });
    unsubscribe();
    hub.publish("r1", { type: "panelist.delta", index: 0, channel: "text", delta: "!" });
    expect(got).toHaveLength(2);
    expect(hub.snapshot("r1")?.panel[0]?.text).toBe("Hi!");
  });

  it("ignores unknown runs, survives a throwing subscriber, and tells subscribers on close", () => {
    const hub = createMemoryRunHub();
    hub.publish("nope", { type: "synth.delta", delta: "x" });
    expect(hub.snapshot("nope")).toBeUndefined();
    expect(hub.subscribe("nope", () => {})).toBeTypeOf("function");

    hub.open(view("r2"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const seen: number[] = [];
    let closed = 0;
    hub.subscribe("r2", () => {
      throw new Error("broken subscriber");
    });
    hub.subscribe(
      "r2",
      (e) => seen.push(e.seq),
      () => closed++,
    );
    hub.publish("r2", { type: "synth.delta", delta: "x" });
    expect(seen).toEqual([1]);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    hub.close("r2");
    expect(closed).toBe(1);
    expect(hub.snapshot("r2")).toBeUndefined();
  });

  it("is one instance per process, on globalThis", async () => {
    const again = await import("./run-hub");
    expect(again.getRunHub()).toBe(getRunHub());
    expect((globalThis as { __quorumRunHub?: unknown }).__quorumRunHub).toBe(getRunHub());
  });
});

describe("watching a live run", () => {
  let t: TestDatabase;
  beforeEach(() => {
    t = setupDatabase();
  });
  afterEach(() => t.cleanup());

  it("a subscriber joining mid-run rebuilds, from its snapshot and the tail, what the database keeps", async () => {
    const hub = recordingHub();
    let late: { snapshot: RunView; events: SequencedEvent[] } | undefined;
    const publish = hub.publish;
    // Joins after the 12th event, subscribing and taking the snapshot in one tick (as sse.ts).
    hub.publish = (runId, event) => {
      publish(runId, event);
      if (late || hub.events.get(runId)?.length !== 12) return;
      const events: SequencedEvent[] = [];
      hub.subscribe(runId, (e) => events.push(e));
      const snapshot = hub.snapshot(runId);
      if (snapshot) late = { snapshot, events };
    };
    const { runId } = await startSimRun(t, hub);
    await waitForRun(runId);
    if (!late) throw new Error("never joined");
    const { snapshot, events } = late;
    expect(snapshot.seq).toBe(12);
    expect(snapshot.status).toBe("running");
    // The tail continues exactly where the snapshot stopped.
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => snapshot.seq + 1 + i));
    const rebuilt = events.reduce((v, e) => applyEvent(v, e.event), snapshot);
    expect(rebuilt.seq).toBe(hub.events.get(runId)?.length);
    expect(rebuilt.status).toBe("done");

    const stored = await loadRunView(t.db, { userId: USER, runId, hub });
    expect(stored.seq).toBe(0);
    // Not kept in the database: the event count and the judge's last partial object.
    expect({ ...stored, seq: rebuilt.seq, judge: { ...stored.judge, partial: null } }).toEqual({
      ...rebuilt,
      judge: { ...rebuilt.judge, partial: null },
    });
  });
});

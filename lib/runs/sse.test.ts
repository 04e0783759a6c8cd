import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/db/test-db";
import type { FusionEvent, RunTotals } from "@/lib/fusion/events";
import { recordingHub, setupDatabase, startSimRun, USER } from "./__tests__/helpers";
import { waitForRun } from "./active-runs";
import { loadRunView } from "./load-run";
import { createMemoryRunHub, type RunHub, type SequencedEvent } from "./run-hub";
import { applyEvent, newRunView, type RunView } from "./run-view";
import { runEventStream } from "./sse";

type Message = { event: string; data: unknown } | { comment: string };

/** Reads an SSE body into messages, as an EventSource would split it. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Message[]> {
  const text = await new Response(stream).text();
  return text
    .split("\n\n")
    .filter((block) => block !== "")
    .map((block) => {
      if (block.startsWith(":")) return { comment: block.slice(1).trim() };
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data === undefined ? undefined : JSON.parse(data) };
    });
}

const named = (messages: Message[]) => messages.map((m) => ("event" in m ? m.event : ":"));

function liveView(id: string): RunView {
  return newRunView({
    id,
    conversationId: "c1",
    prompt: "Hello?",
    createdAt: 1,
    panel: ["sim:atlas", "sim:nova"],
    judge: "sim:arbiter",
    synthesizer: "sim:weaver",
  });
}

const TOTALS: RunTotals = {
  costMicroUsd: 1,
  unpricedCalls: 0,
  inputTokens: 1,
  outputTokens: 1,
  reasoningTokens: 0,
  durationMs: 5,
};

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the run event stream", () => {
  it("sends the snapshot, coalesces deltas, flushes other events at once, and ends", async () => {
    const hub = createMemoryRunHub();
    hub.open(liveView("r1"));
    hub.publish("r1", { type: "run.started", at: 1, panel: [], judge: "j", synthesizer: "s" });
    const stream = runEventStream({
      runId: "r1",
      hub,
      loadSnapshot: async () => null,
      coalesceMs: 40,
    });
    const reading = readAll(stream);
    const delta = (index: number, d: string): FusionEvent => ({
      type: "panelist.delta",
      index,
      channel: "text",
      delta: d,
    });
    hub.publish("r1", delta(0, "a"));
    hub.publish("r1", delta(1, "b"));
    await tick(80); // the coalescing window passes: one message with both deltas
    hub.publish("r1", delta(0, "c"));
    hub.publish("r1", { type: "judge.started", model: "j", labels: { A: 0 }, at: 2 }); // flushes
    hub.publish("r1", delta(1, "d"));
    hub.publish("r1", { type: "run.cancelled", totals: TOTALS, calls: [] });
    hub.publish("r1", delta(1, "too late"));
    const messages = await reading;

    expect(named(messages)).toEqual(["snapshot", "events", "events", "events", "end"]);
    const [snapshot, first, second, third] = messages.map((m) => ("data" in m ? m.data : null));
    expect((snapshot as RunView).seq).toBe(1);
    const seqs = (m: unknown) => (m as { events: SequencedEvent[] }).events.map((e) => e.seq);
    expect(seqs(first)).toEqual([2, 3]);
    expect(seqs(second)).toEqual([4, 5]);
    expect(seqs(third)).toEqual([6, 7]);
    // The client's fold: snapshot + events gives the hub's own final view.
    const all = [first, second, third].flatMap((m) => (m as { events: SequencedEvent[] }).events);
    const folded = all.reduce((v, e) => applyEvent(v, e.event), snapshot as RunView);
    expect(folded.status).toBe("cancelled");
    expect(folded.panel.map((c) => c.text)).toEqual(["ac", "bd"]);
  });

  it("replays a run that is not live from storage, then ends", async () => {
    const hub = createMemoryRunHub();
    const stored = { ...liveView("r2"), status: "done" as const };
    const messages = await readAll(
      runEventStream({ runId: "r2", hub, loadSnapshot: async () => stored }),
    );
    expect(named(messages)).toEqual(["snapshot", "end"]);
    expect((messages[0] as { data: RunView }).data).toEqual(stored);
  });

  it("falls back to storage when the hub drops the run without a final event", async () => {
    const hub = createMemoryRunHub();
    hub.open(liveView("r3"));
    const failed = { ...liveView("r3"), status: "failed" as const, failureMessage: "crashed" };
    const reading = readAll(runEventStream({ runId: "r3", hub, loadSnapshot: async () => failed }));
    hub.close("r3");
    const messages = await reading;
    expect(named(messages)).toEqual(["snapshot", "snapshot", "end"]);
    expect((messages[1] as { data: RunView }).data.failureMessage).toBe("crashed");
  });

  it("sends heartbeats, and stops and unsubscribes when the client goes away", async () => {
    let subscribers = 0;
    const inner = createMemoryRunHub();
    const hub: RunHub = {
      ...inner,
      subscribe(runId, listener, onClose) {
        subscribers++;
        const off = inner.subscribe(runId, listener, onClose);
        return () => {
          subscribers--;
          off();
        };
      },
    };
    hub.open(liveView("r4"));
    const client = new AbortController();
    const stream = runEventStream({
      runId: "r4",
      hub,
      loadSnapshot: async () => null,
      signal: client.signal,
      heartbeatMs: 20,
    });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes(": heartbeat")) {
      const { value } = await reader.read();
      text += decoder.decode(value);
    }
    expect(text.startsWith("event: snapshot\n")).toBe(true);
    expect(subscribers).toBe(1);
    client.abort();
    expect(subscribers).toBe(0);
    await reader.cancel();
  });
});

describe("the event stream of a real run", () => {
  let t: TestDatabase;
  beforeEach(() => {
    t = setupDatabase();
  });
  afterEach(() => t.cleanup());

  it("tails a live run to the end, and replays it from the database afterwards", async () => {
    const hub = recordingHub();
    const { runId } = await startSimRun(t, hub);
    const loadSnapshot = () => loadRunView(t.db, { userId: USER, runId, hub });
    const live = await readAll(runEventStream({ runId, hub, loadSnapshot }));
    await waitForRun(runId);
    expect(named(live)[0]).toBe("snapshot");
    expect(named(live).at(-1)).toBe("end");
    const batches = live.flatMap((m) =>
      "event" in m && m.event === "events" ? [(m.data as { events: SequencedEvent[] }).events] : [],
    );
    const events = batches.flat();
    // Coalescing: fewer messages than events.
    expect(batches.length).toBeLessThan(events.length);
    const snapshot = (live[0] as { data: RunView }).data;
    const folded = events.reduce((v, e) => applyEvent(v, e.event), snapshot);
    expect(folded.status).toBe("done");

    const replay = await readAll(runEventStream({ runId, hub, loadSnapshot }));
    expect(named(replay)).toEqual(["snapshot", "end"]);
    const stored = (replay[0] as { data: RunView }).data;
    expect(stored.synthesizer.text).toBe(folded.synthesizer.text);
    expect(stored.panel.map((c) => c.text)).toEqual(folded.panel.map((c) => c.text));
    expect(stored.totals).toEqual(folded.totals);
  });
});

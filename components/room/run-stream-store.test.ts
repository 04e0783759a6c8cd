import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FusionEvent } from "@/lib/fusion/events";
import { newRunView, type RunView } from "@/lib/runs/run-view";
import { runSnapshot, seedRun, subscribeRun } from "./run-stream-store";

/** A stand-in for the browser's EventSource: tests push server messages through `emit`. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 1;
  closed = false;
  private handlers = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, handler: (e: { data: string }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data: unknown) {
    for (const h of this.handlers.get(type) ?? []) h({ data: JSON.stringify(data) });
  }
}

let frames: (() => void)[] = [];
const runFrames = () => {
  const due = frames;
  frames = [];
  for (const f of due) f();
};

beforeEach(() => {
  FakeEventSource.instances = [];
  frames = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
  vi.stubGlobal("cancelAnimationFrame", () => {});
  // Timers only: animation frames are driven by hand through `runFrames`.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

let n = 0;
function liveRun(): RunView {
  n += 1;
  return newRunView({
    id: `run-${n}`,
    conversationId: "c1",
    prompt: "Why?",
    createdAt: 0,
    panel: ["sim:atlas", "sim:nova"],
    judge: "sim:arbiter",
    synthesizer: "sim:weaver",
  });
}

const delta = (index: number, text: string): FusionEvent => ({
  type: "panelist.delta",
  index,
  channel: "text",
  delta: text,
});

describe("run stream store", () => {
  it("applies a snapshot and its events once per animation frame, skipping what it holds", () => {
    const initial = liveRun();
    const listener = vi.fn();
    subscribeRun(initial.id, initial, listener);
    const [source] = FakeEventSource.instances;
    expect(source?.url).toBe(`/api/runs/${initial.id}/events`);

    source?.emit("snapshot", {
      ...initial,
      seq: 2,
      panel: initial.panel.map((c, i) => ({ ...c, text: i === 0 ? "He" : "" })),
    });
    source?.emit("events", {
      events: [
        { seq: 2, event: delta(0, "IGNORED") },
        { seq: 3, event: delta(0, "llo") },
      ],
    });
    source?.emit("events", { events: [{ seq: 4, event: delta(1, "Hi") }] });
    expect(listener).not.toHaveBeenCalled();

    runFrames();
    expect(listener).toHaveBeenCalledTimes(1);
    const view = runSnapshot(initial);
    expect(view.seq).toBe(4);
    expect(view.panel.map((c) => c.text)).toEqual(["Hello", "Hi"]);
  });

  it("closes on `end` and does not reconnect; finished runs never connect", () => {
    const initial = liveRun();
    const unsubscribe = subscribeRun(initial.id, initial, () => {});
    const source = FakeEventSource.instances[0];
    source?.emit("events", { events: [{ seq: 1, event: delta(0, "x") }] });
    source?.emit("end", {});
    expect(source?.closed).toBe(true);
    expect(runSnapshot(initial).panel[0]?.text).toBe("x");
    unsubscribe();
    subscribeRun(initial.id, initial, () => {});
    expect(FakeEventSource.instances).toHaveLength(1);

    const done = { ...liveRun(), status: "done" as const };
    subscribeRun(done.id, done, () => {});
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("shares one connection and keeps it through a remount", () => {
    const initial = liveRun();
    seedRun(initial);
    const first = subscribeRun(initial.id, initial, () => {});
    const second = subscribeRun(initial.id, initial, () => {});
    expect(FakeEventSource.instances).toHaveLength(1);
    first();
    second();
    // The page we navigate to subscribes again within the grace period.
    vi.advanceTimersByTime(1_000);
    const again = subscribeRun(initial.id, initial, () => {});
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(FakeEventSource.instances[0]?.closed).toBe(false);
    again();
    vi.advanceTimersByTime(10_000);
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
  });

  it("reopens when the browser gives up on a live run", () => {
    const initial = liveRun();
    subscribeRun(initial.id, initial, () => {});
    const source = FakeEventSource.instances[0];
    if (source) source.readyState = FakeEventSource.CLOSED;
    source?.emit("error", {});
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.instances).toHaveLength(2);
  });
});

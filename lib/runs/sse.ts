import type { FusionEvent } from "@/lib/fusion/events";
import type { RunHub, SequencedEvent } from "./run-hub";
import { isFinished, type RunView } from "./run-view";

/** Streaming deltas are coalesced for this long; any other event is sent at once. */
export const COALESCE_MS = 50;
/** A comment line this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

const COALESCED = new Set<FusionEvent["type"]>(["panelist.delta", "synth.delta", "judge.partial"]);
const FINAL = new Set<FusionEvent["type"]>(["run.finished", "run.failed", "run.cancelled"]);

/**
 * The body of `GET /api/runs/:id/events` (Server-Sent Events):
 *
 *   event: snapshot   data: RunView                       — always first
 *   event: events     data: {"events":[{seq, event}, …]}  — while the run is live
 *   event: end        data: {}                            — the run is over; the stream closes
 *
 * The client applies events with `seq > snapshot.seq` to the snapshot and must call
 * `EventSource.close()` on `end` (otherwise EventSource reconnects and replays the snapshot).
 * A run not live in the hub is replayed from `loadSnapshot` (the database) and ends at once.
 */
export function runEventStream(args: {
  runId: string;
  hub: RunHub;
  /** The run as stored; null when it no longer exists. */
  loadSnapshot: () => Promise<RunView | null>;
  /** The request's signal: the client went away. */
  signal?: AbortSignal;
  coalesceMs?: number;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  const { runId, hub, signal } = args;
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe = () => {};
  let pending: SequencedEvent[] = [];
  let coalesceTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearTimeout(coalesceTimer);
    clearInterval(heartbeat);
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  };
  const close = () => {
    if (closed) return;
    cleanup();
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  };
  const write = (chunk: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      cleanup(); // The client is gone.
    }
  };
  const send = (event: "snapshot" | "events" | "end", data: unknown) =>
    write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const flush = () => {
    clearTimeout(coalesceTimer);
    coalesceTimer = undefined;
    if (pending.length === 0) return;
    send("events", { events: pending });
    pending = [];
  };
  const end = () => {
    flush();
    send("end", {});
    close();
  };
  const replayStored = async () => {
    unsubscribe();
    let view: RunView | null = null;
    try {
      view = await args.loadSnapshot();
    } catch (error) {
      console.error(`quorum: loading run ${runId} for its event stream failed`, error);
    }
    if (view) send("snapshot", view);
    end();
  };
  const onAbort = () => cleanup();

  const onEvent = (message: SequencedEvent) => {
    if (closed) return;
    pending.push(message);
    if (FINAL.has(message.event.type)) return end();
    if (!COALESCED.has(message.event.type)) return flush();
    coalesceTimer ??= setTimeout(flush, args.coalesceMs ?? COALESCE_MS);
  };
  // The hub stopped tracking the run without a final event (the engine crashed): what the
  // database says now is the last word.
  const onHubClose = () => {
    if (closed) return;
    pending = [];
    void replayStored();
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) {
        cleanup();
        c.close();
        return;
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      // Same synchronous tick: nothing can be published between the snapshot and the tail.
      unsubscribe = hub.subscribe(runId, onEvent, onHubClose);
      const live = hub.snapshot(runId);
      if (!live) return replayStored();
      send("snapshot", live);
      if (isFinished(live.status)) return end();
      heartbeat = setInterval(() => write(": heartbeat\n\n"), args.heartbeatMs ?? HEARTBEAT_MS);
    },
    cancel() {
      cleanup();
    },
  });
}

/** Headers for an event stream that proxies must neither buffer nor cache. */
export const SSE_HEADERS: HeadersInit = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

import type { FusionEvent } from "@/lib/fusion/events";
import { applyEvent, isFinished, type RunView } from "@/lib/runs/run-view";

/**
 * Live run state, kept outside React and keyed by run id. It outlives the component that
 * shows a run for a few seconds, so `/` → `/c/<id>` (a remount) and StrictMode's double mount
 * keep the same connection and state instead of starting over. Events are queued and applied
 * once per animation frame: eight fast streams cost one render per frame, not one per token.
 */
type Envelope = { seq: number; event: FusionEvent };

type Entry = {
  view: RunView;
  listeners: Set<() => void>;
  source: EventSource | null;
  queue: Envelope[];
  snapshot: RunView | null;
  frame: number | null;
  ended: boolean;
  failures: number;
  reopenTimer: ReturnType<typeof setTimeout> | null;
  graceTimer: ReturnType<typeof setTimeout> | null;
};

/** How long a run nobody shows keeps its connection (covers a route change). */
const GRACE_MS = 5_000;
/** Re-opening after the browser gave up (e.g. the server restarted); EventSource retries itself otherwise. */
const MAX_REOPENS = 5;

const entries = new Map<string, Entry>();

export function eventsUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/events`;
}

function entryFor(initial: RunView): Entry {
  let entry = entries.get(initial.id);
  if (!entry) {
    entry = {
      view: initial,
      listeners: new Set(),
      source: null,
      queue: [],
      snapshot: null,
      frame: null,
      ended: isFinished(initial.status),
      failures: 0,
      reopenTimer: null,
      graceTimer: null,
    };
    entries.set(initial.id, entry);
  } else if (initial.seq > entry.view.seq) {
    // A fresher server render (router.refresh) than what we hold.
    entry.view = initial;
  }
  return entry;
}

/** Registers a run started from this page, so the page we navigate to finds it. */
export function seedRun(view: RunView): void {
  entryFor(view);
}

function notify(entry: Entry) {
  for (const listener of entry.listeners) listener();
}

function flush(entry: Entry) {
  entry.frame = null;
  let view = entry.snapshot ?? entry.view;
  entry.snapshot = null;
  for (const { seq, event } of entry.queue) {
    if (seq <= view.seq) continue; // the snapshot already holds it
    view = { ...applyEvent(view, event), seq };
  }
  entry.queue = [];
  if (view === entry.view) return;
  entry.view = view;
  if (isFinished(view.status)) close(entry, true);
  notify(entry);
}

function schedule(entry: Entry) {
  if (entry.frame !== null) return;
  entry.frame = requestAnimationFrame(() => flush(entry));
}

function close(entry: Entry, ended: boolean) {
  if (entry.reopenTimer) clearTimeout(entry.reopenTimer);
  entry.reopenTimer = null;
  entry.source?.close();
  entry.source = null;
  if (ended) entry.ended = true;
}

function open(entry: Entry) {
  if (entry.source || entry.ended || isFinished(entry.view.status)) return;
  const source = new EventSource(eventsUrl(entry.view.id));
  entry.source = source;
  source.addEventListener("snapshot", (message) => {
    entry.failures = 0;
    entry.snapshot = JSON.parse((message as MessageEvent<string>).data) as RunView;
    schedule(entry);
  });
  source.addEventListener("events", (message) => {
    const data = JSON.parse((message as MessageEvent<string>).data) as { events: Envelope[] };
    entry.queue.push(...data.events);
    schedule(entry);
  });
  source.addEventListener("end", () => {
    if (entry.frame !== null) cancelAnimationFrame(entry.frame);
    flush(entry);
    close(entry, true);
  });
  source.addEventListener("error", () => {
    // While CONNECTING the browser reconnects by itself; CLOSED means it gave up (404, 5xx).
    if (source.readyState !== EventSource.CLOSED || entry.source !== source) return;
    entry.source = null;
    entry.failures += 1;
    if (entry.failures <= MAX_REOPENS && entry.listeners.size > 0) {
      entry.reopenTimer = setTimeout(() => {
        entry.reopenTimer = null;
        open(entry);
      }, 1_000 * entry.failures);
    }
  });
}

export function subscribeRun(runId: string, initial: RunView, listener: () => void): () => void {
  const entry = entryFor(initial);
  entry.listeners.add(listener);
  if (entry.graceTimer) clearTimeout(entry.graceTimer);
  entry.graceTimer = null;
  open(entry);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    entry.graceTimer = setTimeout(() => {
      if (entry.listeners.size > 0) return;
      if (entry.frame !== null) cancelAnimationFrame(entry.frame);
      close(entry, false);
      entries.delete(runId);
    }, GRACE_MS);
  };
}

export function runSnapshot(initial: RunView): RunView {
  return entries.get(initial.id)?.view ?? initial;
}

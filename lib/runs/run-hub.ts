import type { FusionEvent } from "@/lib/fusion/events";
import { applyEvent, type RunView } from "./run-view";

export type SequencedEvent = { seq: number; event: FusionEvent };
export type RunListener = (e: SequencedEvent) => void;

/**
 * Where live runs are watched from. The in-process implementation below serves one machine; a
 * Redis pub/sub hub can replace it behind the same interface (DESIGN.md §4.6).
 *
 * `subscribe` and `snapshot` called in the same synchronous tick see a consistent cut: the
 * listener gets exactly the events with `seq > snapshot.seq`.
 */
export interface RunHub {
  publish(runId: string, event: FusionEvent): void;
  /**
   * `onClose` fires when the hub stops tracking the run (it ended, or its engine crashed
   * without a final event), so a tail can fall back to the database instead of hanging.
   */
  subscribe(runId: string, listener: RunListener, onClose?: () => void): () => void;
  /** The live run as it stands (with `seq`), or undefined when it is not live here. */
  snapshot(runId: string): RunView | undefined;
  open(view: RunView): void;
  close(runId: string): void;
}

type Subscriber = { listener: RunListener; onClose: (() => void) | undefined };
type LiveRun = { view: RunView; subscribers: Set<Subscriber> };

export function createMemoryRunHub(): RunHub {
  const live = new Map<string, LiveRun>();
  return {
    open(view) {
      live.set(view.id, { view, subscribers: new Set() });
    },
    publish(runId, event) {
      const run = live.get(runId);
      if (!run) return;
      run.view = applyEvent(run.view, event);
      const message = { seq: run.view.seq, event };
      // A copy: a listener may unsubscribe (or someone subscribe) while we iterate.
      for (const sub of [...run.subscribers]) {
        try {
          sub.listener(message);
        } catch (error) {
          console.error(`quorum: a subscriber of run ${runId} failed`, error);
        }
      }
    },
    subscribe(runId, listener, onClose) {
      const run = live.get(runId);
      if (!run) return () => {};
      const sub: Subscriber = { listener, onClose };
      run.subscribers.add(sub);
      return () => {
        run.subscribers.delete(sub);
      };
    },
    snapshot: (runId) => live.get(runId)?.view,
    close(runId) {
      const run = live.get(runId);
      if (!run) return;
      live.delete(runId);
      for (const sub of run.subscribers) {
        try {
          sub.onClose?.();
        } catch (error) {
          console.error(`quorum: a subscriber of run ${runId} failed on close`, error);
        }
      }
      run.subscribers.clear();
    },
  };
}

// On globalThis: Next may load route handlers and server actions as separate module instances,
// and they must all see the same live runs.
const globalForHub = globalThis as typeof globalThis & { __quorumRunHub?: RunHub };

/** The server's hub. */
export function getRunHub(): RunHub {
  globalForHub.__quorumRunHub ??= createMemoryRunHub();
  return globalForHub.__quorumRunHub;
}

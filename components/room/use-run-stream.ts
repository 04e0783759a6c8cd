"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { RunView } from "@/lib/runs/run-view";
import { runSnapshot, subscribeRun } from "./run-stream-store";

/**
 * A run's live state. A finished run is returned as given; a live one subscribes to
 * `/api/runs/:id/events` (snapshot, then events batched per animation frame) until it ends.
 */
export function useRunStream(initial: RunView): RunView {
  const subscribe = useCallback(
    (listener: () => void) => subscribeRun(initial.id, initial, listener),
    [initial],
  );
  const getSnapshot = useCallback(() => runSnapshot(initial), [initial]);
  const live = useSyncExternalStore(subscribe, getSnapshot, () => initial);
  // A newer server render wins until the store catches up with it.
  return initial.seq > live.seq ? initial : live;
}

const noop = () => () => {};

/** The live status of a run (the composer's Stop button follows the latest run). */
export function useRunStatus(initial: RunView | null): RunView["status"] | null {
  const subscribe = useCallback(
    (listener: () => void) => (initial ? subscribeRun(initial.id, initial, listener) : noop()),
    [initial],
  );
  const getSnapshot = useCallback(() => (initial ? runSnapshot(initial).status : null), [initial]);
  return useSyncExternalStore(subscribe, getSnapshot, () => initial?.status ?? null);
}

/**
 * Runs executing in this process: their abort controllers (for Stop) and their completion
 * (for tests and graceful waits). On globalThis for the same reason as the hub: a server
 * action that cancels must find the controller a different module instance registered.
 */
export type ActiveRun = {
  userId: string;
  controller: AbortController;
  /** Settles when the engine has finished and the run is persisted; never rejects. */
  done: Promise<void>;
};

const globalForRuns = globalThis as typeof globalThis & {
  __quorumActiveRuns?: Map<string, ActiveRun>;
};

export function activeRuns(): Map<string, ActiveRun> {
  globalForRuns.__quorumActiveRuns ??= new Map();
  return globalForRuns.__quorumActiveRuns;
}

/** Resolves once the run is no longer executing here (immediately if it is not). */
export async function waitForRun(runId: string): Promise<void> {
  await activeRuns().get(runId)?.done;
}

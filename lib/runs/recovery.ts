import type { Db } from "@/db/client";
import { markUnfinishedRunsInterrupted } from "@/db/queries/runs";

/**
 * Called once at server start (instrumentation.ts), before any run can start in this process:
 * runs a previous process left unfinished can never finish, so they become `interrupted`,
 * keeping the text they had streamed. Returns how many there were.
 */
export function recoverInterruptedRuns(db: Db): number {
  const count = markUnfinishedRunsInterrupted(db);
  if (count > 0) {
    console.warn(`quorum: marked ${count} unfinished run(s) from a previous start as interrupted`);
  }
  return count;
}

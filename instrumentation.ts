/** Next.js calls this once when the server starts. */
export async function register(): Promise<void> {
  // The database is Node-only (better-sqlite3); the edge runtime has nothing to prepare.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/db/client");
  const { ensureLocalUser } = await import("@/db/queries/users");
  // Opening the database runs pending migrations before the first request is served.
  const db = getDb();
  ensureLocalUser(db);
  // `next build` may load this too, while a server using the same database is running its runs.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { recoverInterruptedRuns } = await import("@/lib/runs/recovery");
  recoverInterruptedRuns(db);
}

/**
 * Child process of restart.test.ts: starts one run at realistic speed against DATABASE_PATH,
 * prints its id as a JSON line, and keeps streaming until the test kills it with SIGKILL.
 */
import { openDatabase } from "@/db/client";
import { ensureLocalUser, LOCAL_USER_ID } from "@/db/queries/users";
import { OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import { createModelRegistry } from "@/lib/models/registry";
import { startRun } from "@/lib/runs/start-run";

async function main(): Promise<void> {
  const path = process.env.DATABASE_PATH;
  if (!path) throw new Error("DATABASE_PATH is required");
  const { db } = openDatabase(path);
  ensureLocalUser(db);
  const registry = createModelRegistry({ endpoints: [], simSpeed: "realistic", catalog: [] });
  const started = await startRun({
    db,
    userId: LOCAL_USER_ID,
    prompt: "How should a small team choose a database for a new web app?",
    panel: OFFLINE_DEMO_PANEL,
    resolve: (id) => registry.resolve(id),
  });
  process.stdout.write(`${JSON.stringify(started)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

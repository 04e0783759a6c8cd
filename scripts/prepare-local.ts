/**
 * Runs before `npm run dev` and `npm start`: makes a fresh checkout work with no setup by
 * generating AUTH_SECRET into .env.local when none is set, then creating and migrating the
 * SQLite database.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { ensureLocalUser } from "@/db/queries/users";
import { EnvError, getEnv } from "@/lib/env";
import { loadEnvFiles, readEnvFile } from "./load-env";

const ENV_LOCAL = ".env.local";

function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET || readEnvFile(ENV_LOCAL).AUTH_SECRET) return;
  const secret = randomBytes(32).toString("base64url");
  const existing = existsSync(ENV_LOCAL) ? readFileSync(ENV_LOCAL, "utf8") : "";
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  // mode only applies when the file is created; an existing file keeps its permissions.
  appendFileSync(ENV_LOCAL, `${separator}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log(`quorum: generated AUTH_SECRET into ${ENV_LOCAL}`);
}

function main(): void {
  ensureAuthSecret();
  loadEnvFiles();
  const env = getEnv();
  const { sqlite, db } = openDatabase(env.DATABASE_PATH);
  try {
    ensureLocalUser(db);
  } finally {
    sqlite.close();
  }
  console.log(`quorum: database ready at ${env.DATABASE_PATH}`);
}

try {
  main();
} catch (error) {
  // A configuration problem is explained in its message; anything else needs its stack.
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

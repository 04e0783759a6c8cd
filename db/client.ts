import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  /** The raw better-sqlite3 connection (pragmas, close, backups). */
  sqlite: Database.Database;
  /** The drizzle instance, typed with the schema. */
  db: Db;
}

/** Committed migrations, resolved from the project root (scripts, tests and Next all run there). */
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens (creating if needed) a SQLite database file and brings it to the latest migration. */
export function openDatabase(filePath: string): DatabaseHandle {
  if (filePath !== ":memory:") {
    mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  }
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle({ client: sqlite, schema });
  try {
    migrateOnce(db);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, db };
}

function migrateOnce(db: Db): void {
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    // drizzle reads the applied migrations before taking the write lock, so when two processes
    // migrate the same new file at once the second one fails on "already exists". By then the
    // first has committed, and a second pass sees its work and has nothing left to do.
    if (!/already exists/i.test(String(error))) throw error;
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

// Cached on globalThis so that Next's dev hot reload reuses one connection.
const globalForDb = globalThis as typeof globalThis & { __quorumDatabase?: DatabaseHandle };

/** The app's database at `DATABASE_PATH`, opened and migrated on first use. */
export function getDatabase(): DatabaseHandle {
  globalForDb.__quorumDatabase ??= openDatabase(getEnv().DATABASE_PATH);
  return globalForDb.__quorumDatabase;
}

export function getDb(): Db {
  return getDatabase().db;
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DatabaseHandle, openDatabase } from "./client";

export interface TestDatabase extends DatabaseHandle {
  path: string;
  /** Closes the connection and deletes the file (and its WAL files). */
  cleanup: () => void;
}

/** A fresh, migrated SQLite file in the OS temp folder. Tests use real SQLite, never mocks. */
export function createTestDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "quorum-test-"));
  const file = path.join(dir, "test.db");
  const handle = openDatabase(file);
  return {
    ...handle,
    path: file,
    cleanup: () => {
      if (handle.sqlite.open) handle.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

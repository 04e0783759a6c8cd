import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { ensureLocalUser, LOCAL_USER_ID } from "./queries/users";
import { createTestDatabase, type TestDatabase } from "./test-db";

let database: TestDatabase | undefined;

afterEach(() => {
  database?.cleanup();
  database = undefined;
});

function tableNames(db: TestDatabase): string[] {
  const rows = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

describe("openDatabase", () => {
  it("creates and migrates a new file with the expected pragmas", () => {
    database = createTestDatabase();
    expect(tableNames(database)).toEqual(
      expect.arrayContaining(["__drizzle_migrations", "catalog_models", "meta", "users"]),
    );
    expect(database.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(database.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(database.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("reopens an already migrated file without re-running migrations", () => {
    database = createTestDatabase();
    const countApplied = "SELECT count(*) AS n FROM __drizzle_migrations";
    const before = database.sqlite.prepare(countApplied).get();
    database.sqlite.close();
    const again = openDatabase(database.path);
    const after = again.sqlite.prepare(countApplied).get();
    again.sqlite.close();
    expect(before).toMatchObject({ n: expect.any(Number) });
    expect(after).toEqual(before);
  });
});

describe("ensureLocalUser", () => {
  it("creates the local user once and returns the same row afterwards", () => {
    database = createTestDatabase();
    const first = ensureLocalUser(database.db);
    const second = ensureLocalUser(database.db);
    expect(first).toMatchObject({ id: LOCAL_USER_ID, name: "Local user", email: null });
    expect(second).toEqual(first);
    const count = database.sqlite.prepare("SELECT count(*) AS n FROM users").get();
    expect(count).toEqual({ n: 1 });
  });
});

import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEndpointModelList, parseOpenRouterCatalog } from "@/lib/models/catalog";
import { OPENROUTER_MODELS_FIXTURE } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../test-db";
import {
  catalogFetchedAt,
  catalogStamp,
  deleteCatalog,
  lastCatalogAttempt,
  loadCatalog,
  recordCatalogAttempt,
  saveCatalog,
} from "./catalog";

const FIXTURE = OPENROUTER_MODELS_FIXTURE;
const openRouterModels = parseOpenRouterCatalog(JSON.parse(readFileSync(FIXTURE, "utf8")));
const localModels = parseEndpointModelList("local", {
  data: [{ id: "llama3.1:8b" }, { id: "qwen3:4b" }],
});

let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(() => t.cleanup());

describe("catalog queries", () => {
  it("round-trips the whole OpenRouter catalog unchanged and in order", () => {
    saveCatalog(t.db, { provider: "openrouter", models: openRouterModels, fetchedAt: 1_000 });
    expect(loadCatalog(t.db, { provider: "openrouter" })).toEqual(openRouterModels);
    expect(catalogFetchedAt(t.db, { provider: "openrouter" })).toBe(1_000);
  });

  it("replaces only the saved provider's rows", () => {
    saveCatalog(t.db, { provider: "local", models: localModels, fetchedAt: 1_000 });
    saveCatalog(t.db, { provider: "openrouter", models: openRouterModels, fetchedAt: 2_000 });
    const opus = openRouterModels.filter((m) => m.upstreamId === "anthropic/claude-opus-4.7");
    saveCatalog(t.db, { provider: "openrouter", models: opus, fetchedAt: 3_000 });

    expect(loadCatalog(t.db, { provider: "openrouter" })).toEqual(opus);
    expect(loadCatalog(t.db, { provider: "local" })).toEqual(localModels);
    expect(loadCatalog(t.db).map((m) => m.id)).toEqual([
      "local:llama3.1:8b",
      "local:qwen3:4b",
      "openrouter:anthropic/claude-opus-4.7",
    ]);
    expect(catalogFetchedAt(t.db, { provider: "openrouter" })).toBe(3_000);
    expect(catalogFetchedAt(t.db, { provider: "local" })).toBe(1_000);
    expect(catalogFetchedAt(t.db, { provider: "elsewhere" })).toBeNull();
  });

  it("keeps the fetch time of an empty catalog", () => {
    saveCatalog(t.db, { provider: "local", models: [], fetchedAt: 5_000 });
    expect(loadCatalog(t.db)).toEqual([]);
    expect(catalogFetchedAt(t.db, { provider: "local" })).toBe(5_000);
  });

  it("leaves the old rows in place when a save fails half-way", () => {
    saveCatalog(t.db, { provider: "local", models: localModels, fetchedAt: 1_000 });
    const [first] = localModels;
    if (!first) throw new Error("fixture");
    // A duplicate primary key fails the insert after the delete already ran.
    expect(() =>
      saveCatalog(t.db, { provider: "local", models: [first, first], fetchedAt: 2_000 }),
    ).toThrow();
    expect(loadCatalog(t.db, { provider: "local" })).toEqual(localModels);
    expect(catalogFetchedAt(t.db, { provider: "local" })).toBe(1_000);
  });

  it("refuses models of another provider", () => {
    expect(() =>
      saveCatalog(t.db, { provider: "openrouter", models: localModels, fetchedAt: 1 }),
    ).toThrow(/belongs to local/);
  });

  it("changes the stamp whenever a catalog is saved", () => {
    const empty = catalogStamp(t.db);
    saveCatalog(t.db, { provider: "local", models: localModels, fetchedAt: 1_000 });
    const once = catalogStamp(t.db);
    saveCatalog(t.db, { provider: "local", models: localModels, fetchedAt: 2_000 });
    expect(new Set([empty, once, catalogStamp(t.db)]).size).toBe(3);
  });

  it("records refresh attempts", () => {
    expect(lastCatalogAttempt(t.db, { provider: "openrouter" })).toBeNull();
    recordCatalogAttempt(t.db, { provider: "openrouter", at: 10, error: "HTTP 500" });
    expect(lastCatalogAttempt(t.db, { provider: "openrouter" })).toEqual({
      at: 10,
      error: "HTTP 500",
    });
    recordCatalogAttempt(t.db, { provider: "openrouter", at: 20, error: null });
    expect(lastCatalogAttempt(t.db, { provider: "openrouter" })).toEqual({ at: 20, error: null });
  });

  it("deletes a provider's catalog and times", () => {
    saveCatalog(t.db, { provider: "local", models: localModels, fetchedAt: 1_000 });
    saveCatalog(t.db, { provider: "openrouter", models: openRouterModels, fetchedAt: 1_000 });
    deleteCatalog(t.db, { providers: ["local"] });
    expect(loadCatalog(t.db, { provider: "local" })).toEqual([]);
    expect(catalogFetchedAt(t.db, { provider: "local" })).toBeNull();
    expect(loadCatalog(t.db, { provider: "openrouter" })).toHaveLength(356);
  });
});

/**
 * The server-side entry points, wired to the real environment and a real database file.
 * getEnv() and getDatabase() cache per process, and vitest runs each file in its own fork.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { loadCatalog, saveCatalog } from "@/db/queries/catalog";
import { OFFLINE_SNAPSHOT } from "./catalog-refresh";
import { getModelRegistry, listAvailableModels, OPENROUTER_KEY_MISSING } from "./registry";

const dir = mkdtempSync(path.join(tmpdir(), "quorum-registry-"));
let server: Server;
let listings = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    listings++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"object":"list","data":[{"id":"llama3.1:8b"},{"id":"qwen3:4b"}]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.env.DATABASE_PATH = path.join(dir, "quorum.db");
  process.env.AUTH_SECRET = "x".repeat(32);
  process.env.QUORUM_SIM_SPEED = "fast";
  process.env.QUORUM_ENDPOINTS = JSON.stringify([
    { name: "local", baseURL: `http://127.0.0.1:${port}/v1` },
  ]);
  // Without a key nothing may call OpenRouter; a stray request here would fail the test run.
  delete process.env.OPENROUTER_API_KEY;
});

afterAll(async () => {
  getDatabase().sqlite.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("listAvailableModels", () => {
  it("lists simulated, then OpenRouter (unreachable without a key), then endpoint models", async () => {
    const models = await listAvailableModels();
    expect(listings).toBe(1);
    expect([...new Set(models.map((m) => m.provider))]).toEqual(["sim", "openrouter", "local"]);

    const atlas = models[0];
    expect(atlas).toMatchObject({ id: "sim:atlas", simulated: true, reachable: true });
    expect(atlas?.unreachableReason).toBeNull();

    const openrouter = models.filter((m) => m.provider === "openrouter");
    expect(openrouter).toHaveLength(OFFLINE_SNAPSHOT.length);
    expect(openrouter[0]).toMatchObject({
      reachable: false,
      unreachableReason: OPENROUTER_KEY_MISSING,
    });

    expect(models.filter((m) => m.provider === "local")).toMatchObject([
      { id: "local:llama3.1:8b", reachable: true, inputPricePerMTok: null },
      { id: "local:qwen3:4b", reachable: true },
    ]);
    expect(loadCatalog(getDb(), { provider: "local" })).toHaveLength(2);
  });

  it("answers from the cache while the endpoint listing is fresh", async () => {
    await listAvailableModels();
    expect(listings).toBe(1);
  });
});

describe("getModelRegistry", () => {
  it("is reused until the cached catalog changes", () => {
    const first = getModelRegistry();
    expect(getModelRegistry()).toBe(first);
    expect(first.info("openrouter:anthropic/claude-opus-4.7")?.inputPricePerMTok).toBe(5);

    const repriced = OFFLINE_SNAPSHOT.filter(
      (m) => m.upstreamId === "anthropic/claude-opus-4.7",
    ).map((m) => ({ ...m, inputPricePerMTok: 4 }));
    saveCatalog(getDb(), { provider: "openrouter", models: repriced, fetchedAt: Date.now() });

    const second = getModelRegistry();
    expect(second).not.toBe(first);
    expect(second.info("openrouter:anthropic/claude-opus-4.7")?.inputPricePerMTok).toBe(4);
    expect(second.list().filter((m) => m.provider === "openrouter")).toHaveLength(1);
  });
});

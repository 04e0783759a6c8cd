import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { catalogFetchedAt, loadCatalog, saveCatalog } from "@/db/queries/catalog";
import { createTestDatabase, type TestDatabase } from "@/db/test-db";
import { OPENROUTER_MODELS_FIXTURE } from "@/lib/testing/fixtures";
import { parseOpenRouterCatalog } from "./catalog";
import {
  getCatalog,
  listEndpointModels,
  OFFLINE_SNAPSHOT,
  OPENROUTER_MAX_AGE_MS,
  RETRY_AFTER_MS,
  refreshEndpointCatalog,
  refreshOpenRouterCatalog,
} from "./catalog-refresh";

const FIXTURE = OPENROUTER_MODELS_FIXTURE;
const fixtureBody = readFileSync(FIXTURE);
const opus = parseOpenRouterCatalog(JSON.parse(fixtureBody.toString("utf8"))).filter(
  (m) => m.upstreamId === "anthropic/claude-opus-4.7",
);

type Seen = { url: string | undefined; headers: IncomingHttpHeaders };

/** A real HTTP server on 127.0.0.1, answering every request with `status` and `body`. */
async function serve(status: number, body: Buffer | string) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { seen, baseURL: `http://127.0.0.1:${port}/api/v1` };
}

const servers: Server[] = [];
let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(async () => {
  t.cleanup();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("refreshOpenRouterCatalog", () => {
  it("fetches /models with the key, saves every model, then waits 6 hours", async () => {
    const { seen, baseURL } = await serve(200, fixtureBody);
    let clock = 1_000_000;
    const now = () => clock;

    const first = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "sk-or-test", now });
    expect(first).toMatchObject({ status: "refreshed", count: 356, skipped: 0, fetchedAt: clock });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("/api/v1/models");
    expect(seen[0]?.headers.authorization).toBe("Bearer sk-or-test");
    expect(loadCatalog(t.db, { provider: "openrouter" })).toHaveLength(356);
    expect(catalogFetchedAt(t.db, { provider: "openrouter" })).toBe(clock);

    clock += OPENROUTER_MAX_AGE_MS - 1;
    const second = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "sk-or-test", now });
    expect(second.status).toBe("fresh");
    expect(seen).toHaveLength(1);

    clock += 2;
    const third = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "sk-or-test", now });
    expect(third.status).toBe("refreshed");
    expect(seen).toHaveLength(2);
  });

  it("shares one request between concurrent callers", async () => {
    const { seen, baseURL } = await serve(200, fixtureBody);
    const results = await Promise.all([
      refreshOpenRouterCatalog({ db: t.db, baseURL }),
      refreshOpenRouterCatalog({ db: t.db, baseURL }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["refreshed", "refreshed"]);
    expect(seen).toHaveLength(1);
    // No key configured: the public endpoint is asked without credentials.
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it("keeps the cached rows when OpenRouter answers 500, and backs off", async () => {
    saveCatalog(t.db, { provider: "openrouter", models: opus, fetchedAt: 1 });
    const { seen, baseURL } = await serve(500, '{"error":{"message":"boom"}}');
    let clock = 10 * OPENROUTER_MAX_AGE_MS;
    const now = () => clock;

    const failed = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "k", now });
    expect(failed).toMatchObject({ status: "failed", fetchedAt: 1 });
    if (failed.status !== "failed") throw new Error("expected a failure");
    expect(failed.error.code).toBe("upstream:catalog");
    expect(failed.error.message).toContain("HTTP 500");
    expect(loadCatalog(t.db)).toEqual(opus);

    clock += RETRY_AFTER_MS - 1;
    const waiting = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "k", now });
    expect(waiting).toMatchObject({ status: "backing-off", lastError: failed.error.message });
    expect(seen).toHaveLength(1);

    const forced = await refreshOpenRouterCatalog({
      db: t.db,
      baseURL,
      apiKey: "k",
      now,
      force: true,
    });
    expect(forced.status).toBe("failed");
    expect(seen).toHaveLength(2);
    expect(loadCatalog(t.db)).toEqual(opus);
  });

  it.each([
    ["an unreachable host", null],
    ["a body that is not JSON", "<html>maintenance</html>"],
    ["a response without data", '{"models":[]}'],
    ["an empty list", '{"data":[]}'],
  ])("returns an error and keeps the rows on %s", async (_, body) => {
    saveCatalog(t.db, { provider: "openrouter", models: opus, fetchedAt: 1 });
    let baseURL = "http://127.0.0.1:1/api/v1";
    if (body !== null) baseURL = (await serve(200, body)).baseURL;
    const result = await refreshOpenRouterCatalog({ db: t.db, baseURL, apiKey: "k" });
    expect(result.status).toBe("failed");
    if (result.status === "failed") expect(result.error.message).not.toContain("Bearer");
    expect(loadCatalog(t.db)).toEqual(opus);
  });
});

describe("getCatalog", () => {
  it("uses the offline snapshot until OpenRouter's catalog is cached", () => {
    const [model] = opus;
    if (!model) throw new Error("fixture lacks claude-opus-4.7");
    saveCatalog(t.db, {
      provider: "local",
      models: [{ ...model, id: "local:m", upstreamId: "m", provider: "local" }],
      fetchedAt: 1,
    });
    const offline = getCatalog(t.db);
    expect(offline).toHaveLength(OFFLINE_SNAPSHOT.length + 1);
    expect(offline[0]?.id).toBe("openrouter:anthropic/claude-opus-4.7-fast");
    expect(offline.at(-1)?.id).toBe("local:m");

    saveCatalog(t.db, { provider: "openrouter", models: opus, fetchedAt: 2 });
    expect(getCatalog(t.db).map((m) => m.id)).toEqual(["local:m", opus[0]?.id]);
  });
});

describe("custom endpoints", () => {
  it("lists an OpenAI-compatible server's models under the endpoint's name", async () => {
    const { seen, baseURL } = await serve(200, '{"object":"list","data":[{"id":"llama3.1:8b"}]}');
    const models = await listEndpointModels({ name: "local", baseURL, apiKey: "secret" });
    expect(models).toMatchObject([
      {
        id: "local:llama3.1:8b",
        provider: "local",
        upstreamId: "llama3.1:8b",
        inputPricePerMTok: null,
      },
    ]);
    expect(seen[0]?.headers.authorization).toBe("Bearer secret");
  });

  it("caches the listing and reports an endpoint that is down", async () => {
    const { baseURL } = await serve(200, '{"data":[{"id":"qwen3:4b"}]}');
    const ok = await refreshEndpointCatalog({ db: t.db, endpoint: { name: "lab", baseURL } });
    expect(ok).toMatchObject({ status: "refreshed", count: 1 });
    expect(loadCatalog(t.db, { provider: "lab" }).map((m) => m.id)).toEqual(["lab:qwen3:4b"]);

    const down = await refreshEndpointCatalog({
      db: t.db,
      endpoint: { name: "lab", baseURL: "http://127.0.0.1:1/v1" },
      force: true,
    });
    expect(down.status).toBe("failed");
    if (down.status === "failed") {
      expect(down.error.code).toBe("upstream:endpoint");
      expect(down.error.message).toContain('Endpoint "lab"');
    }
    expect(loadCatalog(t.db, { provider: "lab" })).toHaveLength(1);
  });
});

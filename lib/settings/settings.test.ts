import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getProviderKey, upsertProviderKey } from "@/db/queries/provider-keys";
import { createAccount } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/db/test-db";
import { type FakeProvider, startFakeProvider } from "@/e2e/fake-provider";
import { getModelRegistryForUser, listAvailableModelsForUser } from "@/lib/models/user-registry";
import {
  listEndpointViews,
  removeEndpoint,
  saveEndpoint,
  testEndpointConnection,
} from "./endpoints";
import { listStoredKeys, readProviderKey, removeProviderKey, saveProviderKey } from "./keys";

// Read by getEnv() on first use, in this test file's own process.
process.env.AUTH_SECRET = "settings-test-secret-0123456789abcdef";
process.env.OPENROUTER_API_KEY = "";
process.env.QUORUM_ENDPOINTS = "";

const KEY = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

let t: TestDatabase;
let alice: string;
let bob: string;
let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
beforeEach(() => {
  t = createTestDatabase();
  alice = createAccount(t.db, { email: "alice@example.com", name: "alice", passwordHash: null })
    .user.id;
  bob = createAccount(t.db, { email: "bob@example.com", name: "bob", passwordHash: null }).user.id;
});
afterEach(() => t.cleanup());

describe("provider keys", () => {
  it("are encrypted at rest: the database files never hold the key", () => {
    saveProviderKey(t.db, { userId: alice, provider: "openrouter", key: KEY });
    const { db, sqlite } = t;
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    for (const file of [t.path, `${t.path}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // no WAL file left after the checkpoint
      }
      expect(bytes.includes(KEY)).toBe(false);
      expect(bytes.includes(KEY.slice(10, 40))).toBe(false);
    }
    expect(readProviderKey(db, { userId: alice, provider: "openrouter" })).toBe(KEY);
    const [shown] = listStoredKeys(db, { userId: alice });
    expect(shown?.hint).toBe("sk-or-••••••••89ab");
    expect(JSON.stringify(listStoredKeys(db, { userId: alice }))).not.toContain(KEY.slice(10, 40));
  });

  it("are the owner's only: another user neither sees, reads, deletes nor decrypts them", () => {
    saveProviderKey(t.db, { userId: alice, provider: "openrouter", key: KEY });
    expect(listStoredKeys(t.db, { userId: bob })).toEqual([]);
    expect(readProviderKey(t.db, { userId: bob, provider: "openrouter" })).toBeNull();
    expect(() => removeProviderKey(t.db, { userId: bob, provider: "openrouter" })).toThrow(
      /no stored key/,
    );
    // Alice's ciphertext copied into Bob's row does not decrypt for Bob (owner-bound).
    const row = getProviderKey(t.db, { userId: alice, provider: "openrouter" });
    upsertProviderKey(t.db, {
      userId: bob,
      provider: "openrouter",
      encryptedKey: row?.encryptedKey ?? "",
      keyHint: "copied",
    });
    expect(readProviderKey(t.db, { userId: bob, provider: "openrouter" })).toBeNull();
    expect(readProviderKey(t.db, { userId: alice, provider: "openrouter" })).toBe(KEY);
  });

  it("can be replaced and deleted, and decide what the user's registry reaches", () => {
    const openrouter = "openrouter:anthropic/claude-opus-4.7";
    expect(getModelRegistryForUser(alice, { db: t.db }).reachable(openrouter)).toEqual({
      ok: false,
      reason: "Add an OpenRouter key in Settings to use this model.",
    });
    saveProviderKey(t.db, { userId: alice, provider: "openrouter", key: KEY });
    expect(getModelRegistryForUser(alice, { db: t.db }).reachable(openrouter).ok).toBe(true);
    expect(getModelRegistryForUser(bob, { db: t.db }).reachable(openrouter).ok).toBe(false);
    saveProviderKey(t.db, { userId: alice, provider: "openrouter", key: `${KEY}zz` });
    expect(readProviderKey(t.db, { userId: alice, provider: "openrouter" })).toBe(`${KEY}zz`);
    removeProviderKey(t.db, { userId: alice, provider: "openrouter" });
    expect(getModelRegistryForUser(alice, { db: t.db }).reachable(openrouter).ok).toBe(false);
    expect(getModelRegistryForUser(alice, { db: t.db }).reachable("sim:atlas").ok).toBe(true);
  });
});

describe("custom endpoints", () => {
  it("list their models, join the owner's catalog only, and are scoped by owner", async () => {
    const saved = await saveEndpoint(t.db, {
      userId: alice,
      input: { name: "fake", baseURL: fake.baseURL, apiKey: "endpoint-secret-key-123456" },
    });
    expect(saved.modelCount).toBeGreaterThan(0);
    expect(saved.keyHint).not.toContain("secret-key");
    const aliceModels = await listAvailableModelsForUser(alice, { db: t.db });
    const ids = aliceModels.filter((m) => m.provider === "fake").map((m) => m.id);
    expect(ids.length).toBe(saved.modelCount);
    expect(getModelRegistryForUser(alice, { db: t.db }).reachable(ids[0] ?? "").ok).toBe(true);
    // The stored key reached the endpoint, and the hint never shows it.
    expect(
      fake.requests.some((r) => r.headers.authorization === "Bearer endpoint-secret-key-123456"),
    ).toBe(true);

    expect(listEndpointViews(t.db, { userId: bob })).toEqual([]);
    const bobModels = await listAvailableModelsForUser(bob, { db: t.db });
    expect(bobModels.some((m) => m.provider === "fake")).toBe(false);
    expect(getModelRegistryForUser(bob, { db: t.db }).reachable(ids[0] ?? "").ok).toBe(false);
    expect(() => removeEndpoint(t.db, { userId: bob, endpointId: saved.id })).toThrow(
      /does not exist/,
    );
    await expect(
      saveEndpoint(t.db, {
        userId: bob,
        endpointId: saved.id,
        input: { name: "mine", baseURL: fake.baseURL },
      }),
    ).rejects.toThrow(/does not exist/);
    await expect(
      testEndpointConnection(t.db, {
        userId: bob,
        endpointId: saved.id,
        input: { name: "fake", baseURL: fake.baseURL },
      }),
    ).rejects.toThrow(/does not exist/);

    removeEndpoint(t.db, { userId: alice, endpointId: saved.id });
    expect(listEndpointViews(t.db, { userId: alice })).toEqual([]);
  });

  it("validate names and say clearly why a connection failed", async () => {
    const input = (name: string) => ({ name, baseURL: fake.baseURL });
    for (const bad of ["openrouter", "sim", "Upper", "-dash", ""]) {
      await expect(saveEndpoint(t.db, { userId: alice, input: input(bad) })).rejects.toMatchObject({
        field: "name",
      });
    }
    await expect(
      saveEndpoint(t.db, { userId: alice, input: { name: "x", baseURL: "ftp://host" } }),
    ).rejects.toMatchObject({ field: "baseURL" });
    await saveEndpoint(t.db, { userId: alice, input: input("dup") });
    await expect(saveEndpoint(t.db, { userId: alice, input: input("dup") })).rejects.toThrow(
      /already have/,
    );
    // Bob may use the same name: names are per user.
    await saveEndpoint(t.db, { userId: bob, input: input("dup") });

    const ok = await testEndpointConnection(t.db, { userId: alice, input: input("probe") });
    expect(ok.ok && ok.models.length > 0).toBe(true);
    const unreachable = await testEndpointConnection(t.db, {
      userId: alice,
      input: { name: "down", baseURL: "http://127.0.0.1:9/v1" },
    });
    expect(unreachable).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Could not reach/),
    });
    const refused = await testEndpointConnection(t.db, {
      userId: alice,
      input: input("locked"),
      fetchImpl: async () => new Response("no", { status: 401 }),
    });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 401.*API key/) });
    const odd = await testEndpointConnection(t.db, {
      userId: alice,
      input: input("odd"),
      fetchImpl: async () => Response.json({ models: ["a"] }),
    });
    expect(odd).toMatchObject({ ok: false, error: expect.stringMatching(/OpenAI-compatible/) });
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureLocalUser, LOCAL_USER_ID } from "@/db/queries/users";
import { users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-db";
import { OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import { waitForRun } from "@/lib/runs/active-runs";
import { startRun } from "@/lib/runs/start-run";

/**
 * The route handlers as Next calls them, against the app's own database (DATABASE_PATH points
 * at a temp file), the server's registry and the global hub. The session is Auth.js's `auth()`,
 * replaced here: `session.userId` is who is signed in (null: nobody).
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

let t: TestDatabase;
let events: typeof import("./[id]/events/route");
let exporter: typeof import("./[id]/export/route");

beforeAll(async () => {
  t = createTestDatabase();
  process.env.DATABASE_PATH = t.path;
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
  process.env.QUORUM_SIM_SPEED = "fast";
  const { getDb } = await import("@/db/client");
  ensureLocalUser(getDb());
  getDb().insert(users).values({ id: "intruder", name: "Someone else", createdAt: 0 }).run();
  session.userId = LOCAL_USER_ID;
  events = await import("./[id]/events/route");
  exporter = await import("./[id]/export/route");
});
afterAll(() => t.cleanup());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function started(): Promise<string> {
  const { getDb } = await import("@/db/client");
  const { currentUserId } = await import("@/lib/auth/current-user");
  const { runId } = await startRun({
    db: getDb(),
    userId: await currentUserId(),
    prompt: "Which is better for a first language, Python or JavaScript?",
    panel: OFFLINE_DEMO_PANEL,
  });
  return runId;
}

describe("GET /api/runs/:id/events", () => {
  it("streams a live run to its end, then replays it finished", async () => {
    const runId = await started();
    const live = await events.GET(new Request(`http://x/api/runs/${runId}/events`), params(runId));
    expect(live.status).toBe(200);
    expect(live.headers.get("content-type")).toContain("text/event-stream");
    const body = await live.text();
    await waitForRun(runId);
    expect(body.startsWith("event: snapshot\ndata: {")).toBe(true);
    expect(body).toContain('event: events\ndata: {"events":[');
    expect(body).toContain('"type":"run.finished"');
    expect(body.trimEnd().endsWith("event: end\ndata: {}")).toBe(true);

    const replay = await events.GET(
      new Request(`http://x/api/runs/${runId}/events`),
      params(runId),
    );
    const blocks = (await replay.text()).trim().split("\n\n");
    expect(blocks.map((b) => b.split("\n")[0])).toEqual(["event: snapshot", "event: end"]);
    expect(JSON.parse(blocks[0]?.split("\n")[1]?.slice(6) ?? "null").status).toBe("done");
  });

  it("is a JSON 404 for an unknown run", async () => {
    const res = await events.GET(new Request("http://x/api/runs/nope/events"), params("nope"));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found:run" } });
  });

  it("is a 404 for someone else's run and a 401 without a session", async () => {
    const runId = await started();
    await waitForRun(runId);
    const request = () => new Request(`http://x/api/runs/${runId}/events`);
    try {
      session.userId = "intruder";
      const foreign = await events.GET(request(), params(runId));
      expect(foreign.status).toBe(404);
      const exported = await exporter.GET(request(), params(runId));
      expect(exported.status).toBe(404);
      session.userId = null;
      const anonymous = await events.GET(request(), params(runId));
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized:auth" } });
      // A session whose user no longer exists (the database was reset) is no session.
      session.userId = "deleted-user";
      expect((await events.GET(request(), params(runId))).status).toBe(401);
    } finally {
      session.userId = LOCAL_USER_ID;
    }
  });
});

describe("GET /api/runs/:id/export", () => {
  it("downloads Markdown by default and JSON on request", async () => {
    const runId = await started();
    await waitForRun(runId);
    const md = await exporter.GET(new Request(`http://x/api/runs/${runId}/export`), params(runId));
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toBe(
      `attachment; filename="quorum-run-${runId}.md"`,
    );
    const text = await md.text();
    expect(text).toContain("## Final answer");
    expect(text).toContain("### Atlas"); // names from the registry, not ids

    const json = await exporter.GET(
      new Request(`http://x/api/runs/${runId}/export?format=json`),
      params(runId),
    );
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(JSON.parse(await json.text()).run.id).toBe(runId);

    const bad = await exporter.GET(
      new Request(`http://x/api/runs/${runId}/export?format=pdf`),
      params(runId),
    );
    expect(bad.status).toBe(400);
    const missing = await exporter.GET(
      new Request("http://x/api/runs/nope/export"),
      params("nope"),
    );
    expect(missing.status).toBe(404);
  });
});

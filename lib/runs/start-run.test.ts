import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCallsOfRuns } from "@/db/queries/calls";
import { getConversation, listConversations } from "@/db/queries/conversations";
import { getRun } from "@/db/queries/runs";
import { runs } from "@/db/schema";
import type { TestDatabase } from "@/db/test-db";
import { analysisSchema } from "@/lib/fusion/analysis";
import type { CallRecord, FusionEvent } from "@/lib/fusion/events";
import { createModelRegistry, OPENROUTER_KEY_MISSING } from "@/lib/models/registry";
import { listSavedPanels, savePanel } from "@/lib/panels/saved-panels";
import {
  INTRUDER,
  PANEL,
  recordingHub,
  setupDatabase,
  simResolver,
  USER,
  until,
} from "./__tests__/helpers";
import { waitForRun } from "./active-runs";
import { createConversation, deleteConversation } from "./conversations";
import { loadRunView } from "./load-run";
import { cancelRun, RunInputError, retryRun, startRun, titleOf } from "./start-run";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

const PROMPT = "How should a small team choose a database for a new web app?";

function callsOf(runId: string) {
  return listCallsOfRuns(t.db, { userId: USER, runIds: [runId] });
}

function finishedRecords(events: FusionEvent[]): CallRecord[] {
  return events.flatMap((e) =>
    e.type === "panelist.finished" ||
    e.type === "panelist.failed" ||
    e.type === "judge.finished" ||
    e.type === "synth.finished"
      ? [e.call]
      : [],
  );
}

describe("startRun", () => {
  it("runs detached and stores the run, its calls, totals, analysis and label map", async () => {
    const hub = recordingHub();
    const { runId, conversationId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: PROMPT,
      panel: PANEL,
      resolve: simResolver(),
      hub,
    });
    // Returned before the engine finished: the run is written and live.
    expect(getRun(t.db, { userId: USER, runId })?.status).toBe("running");
    expect(hub.snapshot(runId)?.id).toBe(runId);
    await waitForRun(runId);
    expect(hub.snapshot(runId)).toBeUndefined();

    const events = hub.events.get(runId) ?? [];
    const run = getRun(t.db, { userId: USER, runId });
    if (!run) throw new Error("run missing");
    expect(run.status).toBe("done");
    expect(run.conversationId).toBe(conversationId);
    expect(run.finishedAt).not.toBeNull();

    const rows = callsOf(runId);
    expect(rows.map((c) => [c.role, c.idx, c.status])).toEqual([
      ["judge", 0, "done"],
      ["panelist", 0, "done"],
      ["panelist", 1, "done"],
      ["panelist", 2, "done"],
      ["synthesizer", 0, "done"],
    ]);
    for (const record of finishedRecords(events)) {
      const row = rows.find((c) => c.role === record.role && c.idx === record.index);
      expect(row?.text).toBe(record.text);
      expect(row?.reasoning).toBe(record.reasoning);
      expect(row?.costMicroUsd).toBe(record.costMicroUsd);
      expect(row?.outputTokens).toBe(record.outputTokens);
    }
    for (const index of [0, 1, 2]) {
      const streamed = events
        .map((e) =>
          e.type === "panelist.delta" && e.index === index && e.channel === "text" ? e.delta : "",
        )
        .join("");
      expect(rows.find((c) => c.role === "panelist" && c.idx === index)?.text).toBe(streamed);
    }

    const sum = rows.reduce((n, c) => n + (c.costMicroUsd ?? 0), 0);
    expect(sum).toBeGreaterThan(0);
    expect(run.costMicroUsd).toBe(sum);
    expect(run.inputTokens).toBe(rows.reduce((n, c) => n + c.inputTokens, 0));
    const judged = events.find((e) => e.type === "judge.finished");
    const started = events.find((e) => e.type === "judge.started");
    if (judged?.type !== "judge.finished" || started?.type !== "judge.started") {
      throw new Error("missing judge events");
    }
    expect(analysisSchema.parse(JSON.parse(run.analysis ?? "null"))).toEqual(judged.analysis);
    expect(JSON.parse(run.labelMap)).toEqual(started.labels);
    const synth = rows.find((c) => c.role === "synthesizer");
    expect(run.answer).toBe(synth?.text);
    expect(run.answer.length).toBeGreaterThan(0);

    const conversation = getConversation(t.db, { userId: USER, conversationId });
    expect(conversation?.title).toBe(titleOf(PROMPT));
    expect(JSON.parse(conversation?.panelConfig ?? "null").judge.model).toBe("sim:arbiter");
  });

  it("sends the conversation's history with a follow-up", async () => {
    const deps = { resolve: simResolver(), hub: recordingHub() };
    const first = await startRun({ db: t.db, userId: USER, prompt: PROMPT, panel: PANEL, ...deps });
    await waitForRun(first.runId);
    const second = await startRun({
      db: t.db,
      userId: USER,
      conversationId: first.conversationId,
      prompt: "And when does SQLite stop being enough?",
      panel: PANEL,
      ...deps,
    });
    expect(second.conversationId).toBe(first.conversationId);
    await waitForRun(second.runId);
    const followUp = callsOf(second.runId).find((c) => c.role === "panelist" && c.idx === 0);
    expect(followUp?.text).toContain("Building on what we discussed earlier");
    const original = callsOf(first.runId).find((c) => c.role === "panelist" && c.idx === 0);
    expect(original?.text).not.toContain("Building on what we discussed earlier");

    // A retry of the first run sees what the first run saw: no history.
    const retried = await retryRun({ db: t.db, userId: USER, runId: first.runId, ...deps });
    expect(retried.conversationId).toBe(first.conversationId);
    await waitForRun(retried.runId);
    const retriedRun = getRun(t.db, { userId: USER, runId: retried.runId });
    expect(retriedRun?.prompt).toBe(PROMPT);
    expect(retriedRun?.status).toBe("done");
    const retriedText = callsOf(retried.runId).find((c) => c.role === "panelist" && c.idx === 0);
    expect(retriedText?.text).toBe(original?.text);
    expect(listConversations(t.db, { userId: USER })).toHaveLength(1);
  });

  it("titles a conversation created empty from its first prompt", async () => {
    const { id } = await createConversation({ db: t.db, userId: USER });
    const started = await startRun({
      db: t.db,
      userId: USER,
      conversationId: id,
      prompt: "  Tabs   or spaces?  ",
      panel: PANEL,
      resolve: simResolver(),
      hub: recordingHub(),
    });
    await waitForRun(started.runId);
    expect(getConversation(t.db, { userId: USER, conversationId: id })?.title).toBe(
      "Tabs or spaces?",
    );
    expect(titleOf("word ".repeat(30))).toMatch(/^(word ){9,}word…$/);
  });

  it("rejects bad input naming the field, and writes nothing", async () => {
    const noKeys = createModelRegistry({ endpoints: [], simSpeed: "fast", catalog: [] });
    const base = { db: t.db, userId: USER, resolve: (id: string) => noKeys.resolve(id) };
    const cases: [Parameters<typeof startRun>[0], string, RegExp][] = [
      [{ ...base, prompt: "   ", panel: PANEL }, "prompt", /prompt/],
      [{ ...base, prompt: "x".repeat(100_001), panel: PANEL }, "prompt", /100,000/],
      [{ ...base, prompt: "Hi", panel: { ...PANEL, panel: [] } }, "panel", /panelist/],
      [
        {
          ...base,
          prompt: "Hi",
          panel: {
            ...PANEL,
            panel: [...(PANEL.panel ?? []), { model: "openrouter:openai/gpt-5" }],
          },
        },
        "panel.3.model",
        new RegExp(OPENROUTER_KEY_MISSING.slice(0, 20)),
      ],
      [
        { ...base, prompt: "Hi", panel: { ...PANEL, judge: { model: "sim:nobody" } } },
        "judge.model",
        /Unknown/,
      ],
    ];
    for (const [params, field, message] of cases) {
      const error = await startRun(params).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunInputError);
      expect((error as RunInputError).field).toBe(field);
      expect((error as RunInputError).message).toMatch(
        new RegExp(`^${field.replace(/\./g, "\\.")}: `),
      );
      expect((error as RunInputError).message).toMatch(message);
      expect((error as RunInputError).code).toBe("bad_request:run");
    }
    const missing = await startRun({
      ...base,
      conversationId: "nope",
      prompt: "Hi",
      panel: PANEL,
    }).catch((e: unknown) => e);
    expect((missing as { code?: string }).code).toBe("not_found:conversation");
    expect(t.db.select().from(runs).all()).toEqual([]);
    expect(listConversations(t.db, { userId: USER })).toEqual([]);
  });
});

describe("startRun with a saved panel", () => {
  it("links the run and the conversation to it, and its runs give its measured cost", async () => {
    const saved = savePanel({ db: t.db, userId: USER, name: "Trio", config: PANEL });
    const start = (panelId: string, panel = PANEL, conversationId?: string) =>
      startRun({
        db: t.db,
        userId: USER,
        prompt: PROMPT,
        panel,
        panelId,
        ...(conversationId ? { conversationId } : {}),
        resolve: simResolver(),
        hub: recordingHub(),
      });
    const first = await start(saved.id);
    await waitForRun(first.runId);
    expect(getRun(t.db, { userId: USER, runId: first.runId })?.panelId).toBe(saved.id);
    expect(
      getConversation(t.db, { userId: USER, conversationId: first.conversationId })?.panelId,
    ).toBe(saved.id);
    const [stats] = listSavedPanels({ db: t.db, userId: USER });
    expect(stats?.runs).toBe(1);
    expect(stats?.avgCostMicroUsd).toBe(
      getRun(t.db, { userId: USER, runId: first.runId })?.costMicroUsd,
    );

    // Changed since it was picked: the run is not that panel's, and the conversation forgets it.
    const changed = { ...PANEL, panel: [{ model: "sim:nova" }] };
    const second = await start(saved.id, changed, first.conversationId);
    await waitForRun(second.runId);
    expect(getRun(t.db, { userId: USER, runId: second.runId })?.panelId).toBeNull();
    expect(
      getConversation(t.db, { userId: USER, conversationId: first.conversationId })?.panelId,
    ).toBeNull();
  });

  it("ignores another user's panel id: the run goes ahead, unlinked", async () => {
    const theirs = savePanel({ db: t.db, userId: INTRUDER, name: "Theirs", config: PANEL });
    const { runId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: PROMPT,
      panel: PANEL,
      panelId: theirs.id,
      resolve: simResolver(),
      hub: recordingHub(),
    });
    await waitForRun(runId);
    expect(getRun(t.db, { userId: USER, runId })?.panelId).toBeNull();
  });
});

describe("cancelRun", () => {
  it("stops a run mid-stream, keeping the text that streamed", async () => {
    const hub = recordingHub();
    const { runId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: PROMPT,
      panel: PANEL,
      resolve: simResolver(2),
      hub,
    });
    await until(
      () => callsOf(runId).some((c) => c.role === "panelist" && c.text.length > 0),
      10_000,
      "partial text in the database",
    );
    await cancelRun({ db: t.db, userId: USER, runId });
    await waitForRun(runId);

    const run = getRun(t.db, { userId: USER, runId });
    expect(run?.status).toBe("cancelled");
    expect(run?.durationMs).not.toBeNull();
    const rows = callsOf(runId);
    expect(rows.every((c) => !["queued", "thinking", "streaming"].includes(c.status))).toBe(true);
    const panel = rows.filter((c) => c.role === "panelist");
    expect(panel.every((c) => c.status === "cancelled")).toBe(true);
    expect(panel.some((c) => c.text.length > 0)).toBe(true);
    // What watchers saw stream and what is stored agree, partial text included.
    const events = hub.events.get(runId) ?? [];
    expect(events.at(-1)?.type).toBe("run.cancelled");
    const streamed = [0, 1, 2].map((index) =>
      events
        .map((e) =>
          e.type === "panelist.delta" && e.index === index && e.channel === "text" ? e.delta : "",
        )
        .join(""),
    );
    expect(panel.map((c) => c.text)).toEqual(streamed);
    const view = await loadRunView(t.db, { userId: USER, runId, hub });
    expect(view.status).toBe("cancelled");
    expect(view.panel.map((c) => c.status)).toEqual(["cancelled", "cancelled", "cancelled"]);

    // Cancelling a finished run changes nothing.
    await cancelRun({ db: t.db, userId: USER, runId });
    expect(getRun(t.db, { userId: USER, runId })).toEqual(run);
  });

  it("deleting a conversation stops its live runs", async () => {
    const { runId, conversationId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: PROMPT,
      panel: PANEL,
      resolve: simResolver(2),
      hub: recordingHub(),
    });
    await deleteConversation({ db: t.db, userId: USER, conversationId });
    const stopped = Promise.race([
      waitForRun(runId).then(() => "stopped"),
      new Promise((r) => setTimeout(() => r("still running"), 3_000)),
    ]);
    expect(await stopped).toBe("stopped");
    expect(t.db.select().from(runs).where(eq(runs.id, runId)).all()).toEqual([]);
  });
});

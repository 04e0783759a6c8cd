import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getConversation, listConversations } from "@/db/queries/conversations";
import { conversationHistory, getRun, listRunsOfConversation } from "@/db/queries/runs";
import type { TestDatabase } from "@/db/test-db";
import {
  INTRUDER,
  PANEL,
  recordingHub,
  setupDatabase,
  simResolver,
  USER,
} from "./__tests__/helpers";
import { waitForRun } from "./active-runs";
import { deleteConversation, renameConversation } from "./conversations";
import { loadConversationRuns, loadRunView } from "./load-run";
import { loadRoom } from "./room-data";
import { cancelRun, retryRun, startRun } from "./start-run";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { code?: string }) => error.code,
  );

describe("another user's ids behave exactly like missing ones", () => {
  it("for runs and conversations, in every query and operation", async () => {
    const hub = recordingHub();
    const deps = { resolve: simResolver(), hub };
    const { runId, conversationId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: "Whose run is this?",
      panel: PANEL,
      ...deps,
    });
    // While it is live (the hub holds it) as well as after.
    expect(await code(loadRunView(t.db, { userId: INTRUDER, runId, hub }))).toBe("not_found:run");
    expect(await code(cancelRun({ db: t.db, userId: INTRUDER, runId }))).toBe("not_found:run");
    await waitForRun(runId);
    const before = getRun(t.db, { userId: USER, runId });
    expect(before?.status).toBe("done");

    expect(getRun(t.db, { userId: INTRUDER, runId })).toBeUndefined();
    expect(await code(loadRunView(t.db, { userId: INTRUDER, runId, hub }))).toBe("not_found:run");
    expect(await code(loadRunView(t.db, { userId: USER, runId: "missing", hub }))).toBe(
      "not_found:run",
    );
    expect(await code(cancelRun({ db: t.db, userId: INTRUDER, runId }))).toBe("not_found:run");
    expect(await code(retryRun({ db: t.db, userId: INTRUDER, runId, ...deps }))).toBe(
      "not_found:run",
    );
    expect(
      await code(
        startRun({
          db: t.db,
          userId: INTRUDER,
          conversationId,
          prompt: "Let me in",
          panel: PANEL,
          ...deps,
        }),
      ),
    ).toBe("not_found:conversation");
    expect(
      await code(renameConversation({ db: t.db, userId: INTRUDER, conversationId, title: "Mine" })),
    ).toBe("not_found:conversation");
    expect(await code(deleteConversation({ db: t.db, userId: INTRUDER, conversationId }))).toBe(
      "not_found:conversation",
    );

    expect(listConversations(t.db, { userId: INTRUDER })).toEqual([]);
    expect(getConversation(t.db, { userId: INTRUDER, conversationId })).toBeUndefined();
    expect(listRunsOfConversation(t.db, { userId: INTRUDER, conversationId })).toEqual([]);
    expect(conversationHistory(t.db, { userId: INTRUDER, conversationId })).toEqual([]);
    expect(await loadConversationRuns(t.db, { userId: INTRUDER, conversationId, hub })).toEqual([]);
    expect(await loadRoom({ db: t.db, hub, userId: INTRUDER, conversationId })).toEqual({
      conversations: [],
      conversation: null,
      runs: [],
    });

    // Nothing of the owner's changed.
    expect(getRun(t.db, { userId: USER, runId })).toEqual(before);
    const room = await loadRoom({ db: t.db, hub, userId: USER, conversationId });
    expect(room.conversation?.title).toBe("Whose run is this?");
    expect(room.conversation?.panelConfig?.panel).toHaveLength(3);
    expect(room.runs.map((r) => [r.id, r.status])).toEqual([[runId, "done"]]);
    expect(room.conversations.map((c) => c.id)).toEqual([conversationId]);
  });

  it("rename validates the title and delete removes the owner's conversation", async () => {
    const { runId, conversationId } = await startRun({
      db: t.db,
      userId: USER,
      prompt: "Rename me",
      panel: PANEL,
      resolve: simResolver(),
      hub: recordingHub(),
    });
    await waitForRun(runId);
    expect(
      await code(renameConversation({ db: t.db, userId: USER, conversationId, title: "   " })),
    ).toBe("bad_request:conversation");
    expect(
      await code(
        renameConversation({ db: t.db, userId: USER, conversationId, title: "x".repeat(201) }),
      ),
    ).toBe("bad_request:conversation");
    await renameConversation({ db: t.db, userId: USER, conversationId, title: "  Renamed  " });
    expect(getConversation(t.db, { userId: USER, conversationId })?.title).toBe("Renamed");
    await deleteConversation({ db: t.db, userId: USER, conversationId });
    expect(getConversation(t.db, { userId: USER, conversationId })).toBeUndefined();
    expect(getRun(t.db, { userId: USER, runId })).toBeUndefined();
  });
});

/**
 * Conversations (chat threads). Every read and write is scoped by the owner's id, so an id that
 * belongs to someone else behaves exactly like a missing one. Synchronous, like better-sqlite3.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { PanelConfig } from "@/lib/fusion/input";
import type { Db } from "../client";
import { type Conversation, conversations, runs } from "../schema";
import { refreshActivityForRuns } from "./activity-rollup";

export type ConversationSummary = Pick<Conversation, "id" | "title" | "updatedAt">;

const owned = (userId: string, conversationId: string) =>
  and(eq(conversations.id, conversationId), eq(conversations.userId, userId));

export function createConversation(
  db: Db,
  params: { userId: string; title: string; id?: string; now?: number },
): Conversation {
  const now = params.now ?? Date.now();
  const row: Conversation = {
    id: params.id ?? randomUUID(),
    userId: params.userId,
    title: params.title,
    panelConfig: null,
    panelId: null,
    createdAt: now,
    updatedAt: now,
  };
  db.insert(conversations).values(row).run();
  return row;
}

/** The user's conversations, most recently active first. */
export function listConversations(db: Db, params: { userId: string }): ConversationSummary[] {
  return db
    .select({
      id: conversations.id,
      title: conversations.title,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .where(eq(conversations.userId, params.userId))
    .orderBy(desc(conversations.updatedAt), desc(conversations.createdAt))
    .all();
}

export function getConversation(
  db: Db,
  params: { userId: string; conversationId: string },
): Conversation | undefined {
  return db.select().from(conversations).where(owned(params.userId, params.conversationId)).get();
}

/** Returns false when the conversation is missing or not the user's. */
export function renameConversation(
  db: Db,
  params: { userId: string; conversationId: string; title: string },
): boolean {
  const result = db
    .update(conversations)
    .set({ title: params.title })
    .where(owned(params.userId, params.conversationId))
    .run();
  return result.changes > 0;
}

/**
 * Deletes the conversation with its runs and calls (foreign keys cascade), and takes its runs
 * out of Activity's daily totals so they keep matching the runs listed.
 */
export function deleteConversation(
  db: Db,
  params: { userId: string; conversationId: string },
): boolean {
  return db.transaction((tx) => {
    const gone = tx
      .select({ userId: runs.userId, createdAt: runs.createdAt })
      .from(runs)
      .where(and(eq(runs.conversationId, params.conversationId), eq(runs.userId, params.userId)))
      .all();
    const result = tx
      .delete(conversations)
      .where(owned(params.userId, params.conversationId))
      .run();
    if (result.changes > 0) refreshActivityForRuns(tx, { runs: gone });
    return result.changes > 0;
  });
}

/**
 * Remembers the panel the conversation last ran with, so the room reopens with it, and which
 * saved panel that was (`panelId`, null when none or when it was changed before running).
 */
export function setConversationPanel(
  db: Db,
  params: {
    userId: string;
    conversationId: string;
    panelConfig: PanelConfig;
    panelId?: string | null;
    now?: number;
  },
): boolean {
  const result = db
    .update(conversations)
    .set({
      panelConfig: JSON.stringify(params.panelConfig),
      panelId: params.panelId ?? null,
      updatedAt: params.now ?? Date.now(),
    })
    .where(owned(params.userId, params.conversationId))
    .run();
  return result.changes > 0;
}

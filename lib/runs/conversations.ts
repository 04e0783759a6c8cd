import { z } from "zod";
import type { Db } from "@/db/client";
import * as queries from "@/db/queries/conversations";
import { liveRunIdsOfConversation } from "@/db/queries/runs";
import { QuorumError } from "@/lib/errors";
import { cancelRun, DEFAULT_CONVERSATION_TITLE } from "./start-run";

export const titleSchema = z
  .string({ error: "A title must be text." })
  .trim()
  .min(1, "A title cannot be empty.")
  .max(200, "A title has at most 200 characters.");

const notFound = () =>
  new QuorumError("not_found:conversation", "This conversation does not exist.");

/** An empty conversation; its first prompt gives it a title. */
export async function createConversation(params: {
  db: Db;
  userId: string;
}): Promise<{ id: string }> {
  const { id } = queries.createConversation(params.db, {
    userId: params.userId,
    title: DEFAULT_CONVERSATION_TITLE,
  });
  return { id };
}

export async function renameConversation(params: {
  db: Db;
  userId: string;
  conversationId: string;
  title: string;
}): Promise<void> {
  const title = titleSchema.safeParse(params.title);
  if (!title.success) {
    throw new QuorumError("bad_request:conversation", title.error.issues[0]?.message);
  }
  const { db, userId, conversationId } = params;
  if (!queries.renameConversation(db, { userId, conversationId, title: title.data })) {
    throw notFound();
  }
}

/** Deletes a conversation, stopping its live runs first so no engine keeps spending on it. */
export async function deleteConversation(params: {
  db: Db;
  userId: string;
  conversationId: string;
}): Promise<void> {
  const { db, userId, conversationId } = params;
  if (!queries.getConversation(db, { userId, conversationId })) throw notFound();
  for (const runId of liveRunIdsOfConversation(db, { userId, conversationId })) {
    await cancelRun({ db, userId, runId });
  }
  queries.deleteConversation(db, { userId, conversationId });
}

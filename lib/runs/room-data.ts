import { type Db, getDb } from "@/db/client";
import { getConversation, listConversations } from "@/db/queries/conversations";
import { type PanelConfig, panelConfigSchema } from "@/lib/fusion/input";
import { loadConversationRuns } from "./load-run";
import type { RunHub } from "./run-hub";
import type { RunView } from "./run-view";

export type RoomData = {
  conversations: { id: string; title: string; updatedAt: number }[];
  /** Null when the id is unknown or not the user's: the page calls `notFound()`. */
  conversation: {
    id: string;
    title: string;
    panelConfig: PanelConfig | null;
    /** The saved panel it last ran unchanged, if any (it may have been deleted since). */
    panelId: string | null;
  } | null;
  /** The conversation's runs, oldest first; live ones as they stand right now. */
  runs: RunView[];
};

/**
 * Everything the chatroom page renders on the server. Without a conversation id (the empty
 * room) it lists the conversations only.
 */
export async function loadRoom(params: {
  userId: string;
  conversationId?: string;
  db?: Db;
  hub?: RunHub;
}): Promise<RoomData> {
  const db = params.db ?? getDb();
  const { userId, conversationId } = params;
  const conversations = listConversations(db, { userId });
  if (conversationId === undefined) return { conversations, conversation: null, runs: [] };
  const row = getConversation(db, { userId, conversationId });
  if (!row) return { conversations, conversation: null, runs: [] };
  return {
    conversations,
    conversation: {
      id: row.id,
      title: row.title,
      panelConfig: panelOf(row.panelConfig),
      panelId: row.panelId,
    },
    runs: await loadConversationRuns(db, {
      userId,
      conversationId,
      ...(params.hub ? { hub: params.hub } : {}),
    }),
  };
}

/** A stored panel, or null when there is none or it no longer validates. */
function panelOf(json: string | null): PanelConfig | null {
  if (json === null) return null;
  try {
    const parsed = panelConfigSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Room } from "@/components/room/room";
import { getDb } from "@/db/client";
import { getConversation } from "@/db/queries/conversations";
import { currentUserId } from "@/lib/auth/current-user";
import { OFFLINE_DEMO_PANEL, type PanelConfigDraft, panelConfigSchema } from "@/lib/fusion/input";
import { toModelOption } from "@/lib/models/model-option";
import { listAvailableModelsForUser } from "@/lib/models/user-registry";
import { type SavedPanel, samePanel } from "@/lib/panels/config";
import { listSavedPanels } from "@/lib/panels/saved-panels";
import { loadRoom } from "@/lib/runs/room-data";

type StartingPanel = { panel: PanelConfigDraft; savedId: string | null };

/** The panel the most recently active conversation ran with, if it still validates. */
function lastUsedPanel(userId: string, conversationId: string): StartingPanel | null {
  const row = getConversation(getDb(), { userId, conversationId });
  if (!row?.panelConfig) return null;
  try {
    const parsed = panelConfigSchema.safeParse(JSON.parse(row.panelConfig));
    return parsed.success ? { panel: parsed.data, savedId: row.panelId } : null;
  } catch {
    return null;
  }
}

/** Keeps the link to a saved panel only while it exists and still is exactly this panel. */
function linked(start: StartingPanel, saved: readonly SavedPanel[]): StartingPanel {
  const panel = saved.find((p) => p.id === start.savedId);
  return panel && samePanel(panel.config, start.panel) ? start : { ...start, savedId: null };
}

/**
 * Loads and renders the room, per request (call inside `<Suspense>`). A conversation opens with
 * the panel it last ran; the empty room with the saved panel named in the address
 * (`/?panel=<id>`, from the builder), else the panel of the most recently active conversation.
 */
export async function RoomLoader({
  conversationId,
  panelId,
}: {
  conversationId?: string;
  panelId?: string;
}) {
  await connection();
  const userId = await currentUserId();
  const [room, models] = await Promise.all([
    loadRoom({ userId, ...(conversationId ? { conversationId } : {}) }),
    // The user's own provider keys decide what is reachable.
    listAvailableModelsForUser(userId).then((list) => list.map(toModelOption)),
  ]);
  if (conversationId && !room.conversation) notFound();
  const savedPanels = listSavedPanels({ db: getDb(), userId });

  const latest = room.conversations[0];
  const requested = panelId ? savedPanels.find((p) => p.id === panelId) : undefined;
  const start: StartingPanel | null = room.conversation
    ? room.conversation.panelConfig && {
        panel: room.conversation.panelConfig,
        savedId: room.conversation.panelId,
      }
    : requested
      ? { panel: requested.config, savedId: requested.id }
      : latest
        ? lastUsedPanel(userId, latest.id)
        : null;
  const { panel, savedId } = linked(
    start ?? { panel: OFFLINE_DEMO_PANEL, savedId: null },
    savedPanels,
  );

  return (
    <Room
      key={room.conversation?.id ?? `new-${requested?.id ?? ""}`}
      conversation={
        room.conversation ? { id: room.conversation.id, title: room.conversation.title } : null
      }
      runs={room.runs}
      models={models}
      initialPanel={panel}
      initialSavedId={savedId}
      savedPanels={savedPanels}
    />
  );
}

export function RoomSkeleton() {
  return (
    <div className="flex h-full items-center justify-center text-sm text-zinc-500">
      Loading the room…
    </div>
  );
}

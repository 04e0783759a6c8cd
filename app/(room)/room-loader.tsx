import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ModelOption } from "@/components/room/models-context";
import { Room } from "@/components/room/room";
import { getDb } from "@/db/client";
import { getConversation } from "@/db/queries/conversations";
import { currentUserId } from "@/lib/auth/current-user";
import { OFFLINE_DEMO_PANEL, type PanelConfigDraft, panelConfigSchema } from "@/lib/fusion/input";
import { listAvailableModelsForUser } from "@/lib/models/user-registry";
import { loadRoom } from "@/lib/runs/room-data";

/** Only what the picker and the run columns show: the catalog is a few hundred models. */
async function modelOptions(userId: string): Promise<ModelOption[]> {
  // The user's own provider keys decide what is reachable.
  const models = await listAvailableModelsForUser(userId);
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    provider: m.provider,
    simulated: m.simulated,
    reachable: m.reachable,
    unreachableReason: m.unreachableReason,
    inputPricePerMTok: m.inputPricePerMTok,
    outputPricePerMTok: m.outputPricePerMTok,
  }));
}

/** The panel the most recently active conversation ran with, if it still validates. */
function lastUsedPanel(userId: string, conversationId: string): PanelConfigDraft | null {
  const json = getConversation(getDb(), { userId, conversationId })?.panelConfig;
  if (!json) return null;
  try {
    const parsed = panelConfigSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Loads and renders the room, per request (call inside `<Suspense>`). Without an id it is the
 * empty room, which starts from the panel of the most recently active conversation.
 */
export async function RoomLoader({ conversationId }: { conversationId?: string }) {
  await connection();
  const userId = await currentUserId();
  const [room, models] = await Promise.all([
    loadRoom({ userId, ...(conversationId ? { conversationId } : {}) }),
    modelOptions(userId),
  ]);
  if (conversationId && !room.conversation) notFound();

  const latest = room.conversations[0];
  const panel: PanelConfigDraft | null = conversationId
    ? (room.conversation?.panelConfig ?? null)
    : latest
      ? lastUsedPanel(userId, latest.id)
      : null;

  return (
    <Room
      key={room.conversation?.id ?? "new"}
      conversation={
        room.conversation ? { id: room.conversation.id, title: room.conversation.title } : null
      }
      runs={room.runs}
      models={models}
      initialPanel={panel ?? OFFLINE_DEMO_PANEL}
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

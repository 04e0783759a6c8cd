import { Suspense } from "react";
import { RoomLoader, RoomSkeleton } from "./room-loader";

/**
 * `/`: the room with a new, empty conversation; the first prompt creates it. `?panel=<id>`
 * starts it with that saved panel (the builder's "Run in the room").
 */
export default function NewConversationPage({
  searchParams,
}: {
  searchParams: Promise<{ panel?: string | string[] }>;
}) {
  return (
    <Suspense fallback={<RoomSkeleton />}>
      <NewRoom searchParams={searchParams} />
    </Suspense>
  );
}

async function NewRoom({ searchParams }: { searchParams: Promise<{ panel?: string | string[] }> }) {
  const { panel } = await searchParams;
  return <RoomLoader {...(typeof panel === "string" && panel ? { panelId: panel } : {})} />;
}

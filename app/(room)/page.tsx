import { Suspense } from "react";
import { RoomLoader, RoomSkeleton } from "./room-loader";

/** `/`: the room with a new, empty conversation; the first prompt creates it. */
export default function NewConversationPage() {
  return (
    <Suspense fallback={<RoomSkeleton />}>
      <RoomLoader />
    </Suspense>
  );
}

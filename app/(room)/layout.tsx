import { connection } from "next/server";
import { type ReactNode, Suspense } from "react";
import { Sidebar } from "@/components/room/sidebar";
import { currentUserId } from "@/lib/auth/current-user";
import { loadRoom } from "@/lib/runs/room-data";

/** The room fills the window under the header: sidebar left, the room right. */
export default function RoomLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col md:flex-row">
      <Suspense
        fallback={
          <div className="hidden w-64 border-r border-zinc-200 md:block dark:border-zinc-800" />
        }
      >
        <Conversations />
      </Suspense>
      <main className="min-h-0 min-w-0 flex-1">{children}</main>
    </div>
  );
}

async function Conversations() {
  await connection();
  const { conversations } = await loadRoom({ userId: await currentUserId() });
  return <Sidebar conversations={conversations} />;
}

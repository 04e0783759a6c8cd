import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { getConversation } from "@/db/queries/conversations";
import { currentUserId } from "@/lib/auth/current-user";
import { RoomLoader, RoomSkeleton } from "../../room-loader";

export const metadata: Metadata = { title: "Conversation · Quorum" };

/**
 * `/c/<id>`: a conversation with its runs. An unknown id (or someone else's) is a real 404:
 * the cheap existence check runs before anything streams, because a `notFound()` from inside
 * the Suspense boundary would arrive after the 200 status has been sent.
 */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await connection();
  if (!getConversation(getDb(), { userId: await currentUserId(), conversationId: id })) notFound();
  return (
    <Suspense fallback={<RoomSkeleton />}>
      <RoomLoader conversationId={id} />
    </Suspense>
  );
}

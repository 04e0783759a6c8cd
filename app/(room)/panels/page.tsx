import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { BuilderPage } from "@/components/panels/builder-page";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/current-user";
import { toModelOption } from "@/lib/models/model-option";
import { listAvailableModelsForUser } from "@/lib/models/user-registry";
import { listSavedPanels } from "@/lib/panels/saved-panels";

export const metadata: Metadata = { title: "Panel builder · Quorum" };

type Search = Promise<{ id?: string | string[] }>;

/** `/panels`: build, save and manage panels; `?id=<saved panel>` opens one. */
export default function PanelsPage({ searchParams }: { searchParams: Search }) {
  return (
    <Suspense
      fallback={
        <div className="flex h-full items-center justify-center text-sm text-zinc-500">
          Loading the builder…
        </div>
      }
    >
      <Builder searchParams={searchParams} />
    </Suspense>
  );
}

async function Builder({ searchParams }: { searchParams: Search }) {
  // The catalog and the panels live in the database: read them per request.
  await connection();
  const { id } = await searchParams;
  const userId = await currentUserId();
  const [models, savedPanels] = await Promise.all([
    listAvailableModelsForUser(userId).then((list) => list.map(toModelOption)),
    listSavedPanels({ db: getDb(), userId }),
  ]);
  // Another user's panel is as missing as a deleted one.
  const open = typeof id === "string" ? savedPanels.find((p) => p.id === id) : undefined;
  return (
    <BuilderPage
      models={models}
      savedPanels={savedPanels}
      initialConfig={open?.config ?? null}
      initialSavedId={open?.id ?? null}
      missing={typeof id === "string" && open === undefined}
    />
  );
}

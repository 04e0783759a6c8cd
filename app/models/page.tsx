import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { ModelList } from "@/components/models/model-list";
import { currentUserId } from "@/lib/auth/current-user";
import { listAvailableModelsForUser } from "@/lib/models/user-registry";

export const metadata: Metadata = { title: "Models · Quorum" };

export default function ModelsPage() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Models</h1>
      <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
        Every model Quorum knows, with its price and context length. Simulated models run in-process
        and work offline; others need their provider configured.
      </p>
      <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading models…</p>}>
        <AvailableModels />
      </Suspense>
    </main>
  );
}

async function AvailableModels() {
  // The catalog lives in the database: read it per request, never at build time.
  await connection();
  const models = await listAvailableModelsForUser(await currentUserId());
  return <ModelList models={models} />;
}

import { connection } from "next/server";
import { Suspense } from "react";
import { ModelList } from "@/components/models/model-list";
import { listAvailableModels } from "@/lib/models/registry";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Quorum</h1>
      <p className="mt-2 max-w-2xl text-zinc-600 dark:text-zinc-400">
        Ask once, and a panel of language models answers in parallel; a judge compares their answers
        and a synthesizer writes the final one.
      </p>
      <section aria-labelledby="models-heading" className="mt-10">
        <h2 id="models-heading" className="text-xl font-semibold">
          Models
        </h2>
        <Suspense fallback={<p className="mt-4 text-sm text-zinc-500">Loading models…</p>}>
          <AvailableModels />
        </Suspense>
      </section>
    </main>
  );
}

async function AvailableModels() {
  // The catalog lives in the database: read it per request, never at build time.
  await connection();
  const models = await listAvailableModels();
  return <ModelList models={models} />;
}

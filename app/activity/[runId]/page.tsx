import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CallsTable } from "@/components/activity/calls-table";
import { formatMs, formatTime, formatTokens, formatUsd } from "@/components/activity/format";
import { getDb } from "@/db/client";
import { listCallsOfRuns } from "@/db/queries/calls";
import { getConversation } from "@/db/queries/conversations";
import { getRun } from "@/db/queries/runs";
import { optionalUserId } from "@/lib/auth/current-user";
import { getModelRegistryForUser } from "@/lib/models/user-registry";

export const metadata: Metadata = { title: "Run · Activity · Quorum" };

type Params = Promise<{ runId: string }>;

/**
 * One run's calls with their cost and timing. Someone else's run is a 404, like a missing one:
 * checked before anything renders (no Suspense around it), so the status really is 404.
 */
export default async function RunActivityPage({ params }: { params: Params }) {
  const { runId } = await params;
  const userId = await optionalUserId();
  if (!userId) redirect(`/sign-in?callbackUrl=/activity/${encodeURIComponent(runId)}`);
  const db = getDb();
  const run = getRun(db, { userId, runId });
  if (!run) notFound();
  const calls = listCallsOfRuns(db, { userId, runIds: [run.id] });
  const conversation = getConversation(db, { userId, conversationId: run.conversationId });
  const registry = getModelRegistryForUser(userId, { db });
  const modelName = (id: string) => registry.info(id)?.name ?? id;
  const facts = [
    { label: "Status", value: run.status, testId: "detail-status" },
    { label: "Started", value: formatTime(run.createdAt) },
    {
      label: "Tokens in / out",
      value: `${formatTokens(run.inputTokens)} / ${formatTokens(run.outputTokens)}`,
    },
    { label: "Latency", value: formatMs(run.durationMs) },
  ];
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-10">
      <Link href="/activity" className="text-sm underline">
        ← Activity
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{conversation?.title ?? "Run"}</h1>
        <p className="line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{run.prompt}</p>
        <Link href={`/c/${run.conversationId}`} className="text-sm font-medium underline">
          Open the conversation
        </Link>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <dt className="text-xs text-zinc-500">Total cost</dt>
          <dd
            className="text-xl font-semibold tabular-nums"
            data-testid="run-total"
            data-cost-micro={run.costMicroUsd}
          >
            {formatUsd(run.costMicroUsd)}
            {run.unpricedCalls > 0 ? (
              <span className="block text-xs font-normal text-zinc-500">
                + {run.unpricedCalls} unpriced call(s)
              </span>
            ) : null}
          </dd>
        </div>
        {facts.map((f) => (
          <div key={f.label} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <dt className="text-xs text-zinc-500">{f.label}</dt>
            <dd className="font-medium tabular-nums" data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      {run.failureMessage ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {run.failureMessage}
        </p>
      ) : null}
      <CallsTable calls={calls} modelName={modelName} />
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { CostChart } from "@/components/activity/cost-chart";
import { FiltersForm } from "@/components/activity/filters-form";
import { RunsTable } from "@/components/activity/runs-table";
import { TopModels, Totals } from "@/components/activity/totals";
import { getDb } from "@/db/client";
import {
  activityCostByDay,
  activityModels,
  activityTotals,
  listActivityRuns,
  topModelsBySpend,
} from "@/db/queries/activity";
import { ensureActivityRollup } from "@/db/queries/activity-rollup";
import { chartData } from "@/lib/activity/chart-data";
import { activityQuery, parseActivitySearch } from "@/lib/activity/params";
import { optionalUserId } from "@/lib/auth/current-user";
import { getModelRegistryForUser } from "@/lib/models/user-registry";

export const metadata: Metadata = { title: "Activity · Quorum" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Every run with what it cost. Totals and the chart count finished runs; dates are UTC.
        </p>
      </div>
      <Suspense fallback={<p className="text-sm text-zinc-500">Loading activity…</p>}>
        <ActivityContent searchParams={searchParams} />
      </Suspense>
    </main>
  );
}

async function ActivityContent({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const userId = await optionalUserId();
  if (!userId) redirect("/sign-in?callbackUrl=/activity");
  const { filters, cursor } = parseActivitySearch(await searchParams);
  const db = getDb();
  ensureActivityRollup(db);
  const registry = getModelRegistryForUser(userId, { db });
  const modelName = (id: string) => registry.info(id)?.name ?? id;

  const page = listActivityRuns(db, {
    userId,
    filters,
    ...(cursor ? { cursor } : {}),
    limit: PAGE_SIZE,
  });
  const totals = activityTotals(db, { userId, filters });
  const chart = chartData(activityCostByDay(db, { userId, filters }), modelName);
  const top = topModelsBySpend(db, { userId, filters, limit: 8 });
  const models = activityModels(db, { userId });

  return (
    <>
      <FiltersForm filters={filters} models={models} modelName={modelName} />
      <Totals totals={totals} />
      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="chart-title" className="lg:col-span-2">
          <h2 id="chart-title" className="mb-2 text-lg font-semibold">
            Cost per day
          </h2>
          <CostChart days={chart.days} series={chart.series} />
        </section>
        <section aria-labelledby="top-title">
          <h2 id="top-title" className="mb-2 text-lg font-semibold">
            Top models by spend
          </h2>
          <TopModels models={top} modelName={modelName} />
        </section>
      </div>
      <section aria-labelledby="runs-title" className="space-y-3">
        <h2 id="runs-title" className="text-lg font-semibold">
          Runs
        </h2>
        <RunsTable runs={page.runs} modelName={modelName} />
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {cursor ? (
            <Link href={`/activity${activityQuery(filters)}`} className="underline">
              Newest runs
            </Link>
          ) : null}
          {page.next ? (
            <Link href={`/activity${activityQuery(filters, page.next)}`} className="underline">
              Older runs
            </Link>
          ) : null}
        </nav>
      </section>
    </>
  );
}

/**
 * Activity queries at scale: 100 000 runs (~5 calls each, 8 models, several statuses, spread
 * over a year) seeded into a temp database in one transaction, then each query timed 60
 * times. Target: p95 < 50 ms.
 */
import { randomUUID } from "node:crypto";
import {
  type ActivityFilters,
  activityCostByDay,
  activityTotals,
  listActivityRuns,
  topModelsBySpend,
} from "@/db/queries/activity";
import {
  DAY_MS,
  dayOf,
  rebuildActivityRollup,
  refreshActivityDay,
} from "@/db/queries/activity-rollup";
import { createAccount } from "@/db/queries/users";
import { createTestDatabase } from "@/db/test-db";

const RUNS = 100_000;
const REPEATS = 60;
const PAGE = 50;
const MODELS = [
  "openrouter:anthropic/claude-opus-4.7",
  "openrouter:openai/gpt-5.2",
  "openrouter:google/gemini-3-pro",
  "openrouter:moonshotai/kimi-k2.6",
  "openrouter:deepseek/deepseek-v3.2",
  "sim:atlas",
  "sim:nova",
  "local:llama3.1",
];
const RARE_MODEL = "openrouter:rare/model";
const STATUSES = [
  "done",
  "done",
  "done",
  "done",
  "done",
  "done",
  "degraded",
  "failed",
  "cancelled",
  "interrupted",
];

/** Deterministic, so every bench run measures the same data. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function time(label: string, fn: () => unknown, repeats = REPEATS): void {
  fn(); // warm the page cache and the statement cache
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} ${percentile(samples, 50).toFixed(2).padStart(8)} ms ${percentile(samples, 95).toFixed(2).padStart(8)} ms`,
  );
}

export async function benchActivity(): Promise<void> {
  const t = createTestDatabase();
  try {
    const { user } = createAccount(t.db, {
      email: "bench@example.com",
      name: "bench",
      passwordHash: null,
    });
    const other = createAccount(t.db, {
      email: "other@example.com",
      name: "other",
      passwordHash: null,
    }).user;
    const now = Date.now();
    const yearAgo = now - 365 * DAY_MS;
    const random = rng(42);
    const seedStart = performance.now();
    const insertConversation = t.sqlite.prepare(
      "insert into conversations (id, user_id, title, created_at, updated_at) values (?, ?, ?, ?, ?)",
    );
    const insertRun = t.sqlite.prepare(
      `insert into runs (id, user_id, conversation_id, prompt, status, panel_snapshot, input_tokens,
        output_tokens, cost_micro_usd, duration_ms, created_at, finished_at)
       values (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)`,
    );
    const insertCall = t.sqlite.prepare(
      `insert into calls (id, run_id, user_id, role, idx, model, status, input_tokens,
        output_tokens, cost_micro_usd, cost_source, latency_ms, started_at, finished_at)
       values (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, 'catalog', ?, ?, ?)`,
    );
    t.sqlite.transaction(() => {
      // A second user's runs share the tables, as on a real server.
      for (const owner of [user.id, other.id]) {
        const count = owner === user.id ? RUNS : RUNS / 10;
        const conversationIds: string[] = [];
        for (let i = 0; i < count / 10; i++) {
          const id = randomUUID();
          insertConversation.run(id, owner, `Conversation ${i}`, yearAgo, yearAgo);
          conversationIds.push(id);
        }
        for (let i = 0; i < count; i++) {
          const runId = randomUUID();
          const createdAt = Math.floor(yearAgo + random() * 365 * DAY_MS);
          const status = STATUSES[Math.floor(random() * STATUSES.length)] ?? "done";
          const panelSize = 2 + Math.floor(random() * 3);
          const roles = [
            ...Array.from({ length: panelSize }, (_, idx) => ["panelist", idx] as const),
            ["judge", 0] as const,
            ["synthesizer", 0] as const,
          ];
          let input = 0;
          let output = 0;
          let cost = 0;
          const rows = roles.map(([role, idx]) => {
            // One run in a thousand also calls a rarely used model (the model filter's worst case).
            const model =
              i % 1000 === 0 && role === "judge"
                ? RARE_MODEL
                : (MODELS[Math.floor(random() * MODELS.length)] ?? "sim:atlas");
            const inTok = 200 + Math.floor(random() * 2000);
            const outTok = 100 + Math.floor(random() * 1500);
            const callCost = Math.round(inTok * 3 + outTok * 15);
            input += inTok;
            output += outTok;
            cost += callCost;
            return [
              randomUUID(),
              runId,
              owner,
              role,
              idx,
              model,
              inTok,
              outTok,
              callCost,
              3000,
              createdAt,
              createdAt + 3000,
            ] as const;
          });
          const conversationId = conversationIds[i % conversationIds.length] ?? "";
          insertRun.run(
            runId,
            owner,
            conversationId,
            "A benchmark prompt",
            status,
            input,
            output,
            cost,
            9000,
            createdAt,
            createdAt + 9000,
          );
          for (const row of rows) insertCall.run(...row);
        }
      }
    })();
    const seeded = performance.now() - seedStart;
    const rollupStart = performance.now();
    rebuildActivityRollup(t.db);
    const rolled = performance.now() - rollupStart;
    t.sqlite.pragma("analysis_limit = 1000");
    t.sqlite.exec("analyze");
    const callCount = (t.sqlite.prepare("select count(*) as n from calls").get() as { n: number })
      .n;
    console.log(
      `activity: ${RUNS.toLocaleString("en")} runs of one user (+${(RUNS / 10).toLocaleString("en")} of another), ${callCount.toLocaleString("en")} calls; seeded in ${(seeded / 1000).toFixed(1)} s, rollup rebuilt in ${(rolled / 1000).toFixed(1)} s`,
    );
    console.log(
      `  ${"query".padEnd(44)} ${"p50".padStart(11)} ${"p95".padStart(11)}   (${REPEATS} runs each)`,
    );

    const userId = user.id;
    const all: ActivityFilters = {};
    const lastMonth: ActivityFilters = { fromDay: dayOf(now) - 30, toDay: dayOf(now) };
    const byModel: ActivityFilters = { model: "local:llama3.1" };
    const byStatus: ActivityFilters = { status: "failed" };
    const combined: ActivityFilters = { ...lastMonth, model: "sim:nova", status: "degraded" };

    // A cursor ~80% of the way through the user's runs.
    const deep = t.sqlite
      .prepare(
        "select created_at as createdAt, id from runs where user_id = ? order by created_at desc, id desc limit 1 offset ?",
      )
      .get(userId, Math.floor(RUNS * 0.8)) as { createdAt: number; id: string } | undefined;

    time("list, first page", () => listActivityRuns(t.db, { userId, filters: all, limit: PAGE }));
    time("list, deep cursor page (80%)", () =>
      listActivityRuns(t.db, { userId, filters: all, cursor: deep, limit: PAGE }),
    );
    time("list, last 30 days", () =>
      listActivityRuns(t.db, { userId, filters: lastMonth, limit: PAGE }),
    );
    time("list, status=failed", () =>
      listActivityRuns(t.db, { userId, filters: byStatus, limit: PAGE }),
    );
    time("list, model filter", () =>
      listActivityRuns(t.db, { userId, filters: byModel, limit: PAGE }),
    );
    time("list, model filter, deep cursor", () =>
      listActivityRuns(t.db, { userId, filters: byModel, cursor: deep, limit: PAGE }),
    );
    time("list, rare model (0.1% of runs)", () =>
      listActivityRuns(t.db, { userId, filters: { model: RARE_MODEL }, limit: PAGE }),
    );
    time("list, 30 days + model + status", () =>
      listActivityRuns(t.db, { userId, filters: combined, limit: PAGE }),
    );
    time("totals, whole year", () => activityTotals(t.db, { userId, filters: all }));
    time("totals, 30 days + model + status", () =>
      activityTotals(t.db, { userId, filters: combined }),
    );
    time("chart (cost per day × model), whole year", () =>
      activityCostByDay(t.db, { userId, filters: all }),
    );
    time("chart, last 30 days", () => activityCostByDay(t.db, { userId, filters: lastMonth }));
    time("top models, whole year", () =>
      topModelsBySpend(t.db, { userId, filters: all, limit: 10 }),
    );
    time("rollup refresh of one day (a run finishing)", () =>
      refreshActivityDay(t.db, { userId, day: dayOf(now) - 100 }),
    );
    // What the rollup saves: the same chart summed from calls on every view.
    const direct = t.sqlite.prepare(
      `select r.created_at / ${DAY_MS} as day, c.model, sum(c.cost_micro_usd) as cost
       from calls c join runs r on r.id = c.run_id
       where r.user_id = ? and r.status not in ('running', 'judging', 'synthesizing')
       group by day, c.model`,
    );
    time("chart without the rollup (from calls)", () => direct.all(userId), 5);
  } finally {
    // KEEP_BENCH_DB=1 keeps the seeded database (its path is printed) for EXPLAIN experiments.
    if (process.env.KEEP_BENCH_DB) console.log(t.path);
    else t.cleanup();
  }
}

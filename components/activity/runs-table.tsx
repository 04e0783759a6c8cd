import Link from "next/link";
import type { ActivityRun } from "@/db/queries/activity";
import { formatMs, formatTime, formatTokens, formatUsd, type ModelName } from "./format";

const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2 align-top";

/** One row per run; the run's detail page has its calls. */
export function RunsTable({ runs, modelName }: { runs: ActivityRun[]; modelName: ModelName }) {
  if (runs.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No runs match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table aria-label="Runs" className="w-full text-sm">
        <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th className={th}>Time</th>
            <th className={th}>Conversation</th>
            <th className={th}>Models</th>
            <th className={`${th} text-right`}>Tokens in / out</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={`${th} text-right`}>Latency</th>
            <th className={th}>Status</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const panel = run.models.filter((m) => m.role === "panelist");
            const judge = run.models.find((m) => m.role === "judge");
            return (
              <tr
                key={run.id}
                data-testid="activity-run"
                data-run-id={run.id}
                className="border-b border-zinc-100 dark:border-zinc-900"
              >
                <td className={`${td} whitespace-nowrap`}>
                  <Link href={`/activity/${run.id}`} className="underline">
                    <time dateTime={new Date(run.createdAt).toISOString()}>
                      {formatTime(run.createdAt)}
                    </time>
                  </Link>
                </td>
                <td className={td}>
                  <Link href={`/c/${run.conversationId}`} className="underline">
                    {run.conversationTitle}
                  </Link>
                </td>
                <td className={td}>
                  {panel.map((m) => modelName(m.model)).join(", ")}
                  {judge ? (
                    <span className="text-zinc-500"> · judge {modelName(judge.model)}</span>
                  ) : null}
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  {formatTokens(run.inputTokens)} / {formatTokens(run.outputTokens)}
                </td>
                <td
                  className={`${td} text-right tabular-nums`}
                  data-testid="run-cost"
                  data-cost-micro={run.costMicroUsd}
                >
                  {formatUsd(run.costMicroUsd)}
                  {run.unpricedCalls > 0 ? (
                    <span title="Some calls have no known price"> +?</span>
                  ) : null}
                </td>
                <td className={`${td} text-right tabular-nums`}>{formatMs(run.durationMs)}</td>
                <td className={td} data-testid="run-status">
                  {run.status}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

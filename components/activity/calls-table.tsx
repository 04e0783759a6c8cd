import type { CallRow } from "@/db/schema";
import { formatMs, formatTokens, formatUsd, type ModelName } from "./format";

const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2 align-top";
const ORDER: Record<string, number> = { panelist: 0, judge: 1, synthesizer: 2 };

/** The message of a stored CallError (JSON); the raw text if it is not JSON. */
function errorMessage(error: string | null): string | null {
  if (!error) return null;
  try {
    const parsed = JSON.parse(error) as { message?: unknown };
    return typeof parsed.message === "string" ? parsed.message : error;
  } catch {
    return error;
  }
}

/** Every call of a run: panelists in panel order, then the judge, then the synthesizer. */
export function CallsTable({ calls, modelName }: { calls: CallRow[]; modelName: ModelName }) {
  const sorted = [...calls].sort(
    (a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9) || a.idx - b.idx,
  );
  return (
    <div className="overflow-x-auto">
      <table aria-label="Calls" className="w-full text-sm">
        <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th className={th}>Role</th>
            <th className={th}>Model</th>
            <th className={th}>Status</th>
            <th className={`${th} text-right`}>Tokens in / out</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={th}>Cost source</th>
            <th className={`${th} text-right`}>First token</th>
            <th className={`${th} text-right`}>Latency</th>
            <th className={th}>Error</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((call) => (
            <tr
              key={call.id}
              data-testid="activity-call"
              className="border-b border-zinc-100 dark:border-zinc-900"
            >
              <td className={td}>
                {call.role === "panelist"
                  ? `Panelist ${call.idx + 1}`
                  : call.role === "judge"
                    ? "Judge"
                    : "Synthesizer"}
              </td>
              <td className={td}>
                {modelName(call.model)}
                <div className="text-xs text-zinc-500">{call.model}</div>
              </td>
              <td className={td}>
                {call.status}
                {call.attempts > 1 ? (
                  <span className="text-zinc-500"> ({call.attempts} attempts)</span>
                ) : null}
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {formatTokens(call.inputTokens)} / {formatTokens(call.outputTokens)}
              </td>
              <td
                className={`${td} text-right tabular-nums`}
                data-testid="call-cost"
                data-cost-micro={call.costMicroUsd ?? ""}
              >
                {formatUsd(call.costMicroUsd)}
              </td>
              <td className={td}>{call.costSource}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMs(call.ttftMs)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMs(call.latencyMs)}</td>
              <td className={`${td} text-red-700 dark:text-red-400`}>{errorMessage(call.error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ActivityTotals, ModelSpend } from "@/db/queries/activity";
import { formatTokens, formatUsd, type ModelName } from "./format";

/** Totals of the filtered range (finished runs; those still running join when they end). */
export function Totals({ totals }: { totals: ActivityTotals }) {
  const items = [
    { label: "Runs", value: formatTokens(totals.runs), testId: "total-runs", raw: totals.runs },
    {
      label: "Tokens in",
      value: formatTokens(totals.inputTokens),
      testId: "total-input",
      raw: totals.inputTokens,
    },
    {
      label: "Tokens out",
      value: formatTokens(totals.outputTokens),
      testId: "total-output",
      raw: totals.outputTokens,
    },
    {
      label: "Cost",
      value: formatUsd(totals.costMicroUsd),
      testId: "total-cost",
      raw: totals.costMicroUsd,
    },
  ];
  return (
    <dl aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <div
          key={item.label}
          className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <dt className="text-xs text-zinc-500">{item.label}</dt>
          <dd
            className="text-xl font-semibold tabular-nums"
            data-testid={item.testId}
            data-value={item.raw}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function TopModels({ models, modelName }: { models: ModelSpend[]; modelName: ModelName }) {
  if (models.length === 0) return null;
  return (
    <table aria-label="Top models by spend" className="w-full text-sm">
      <thead className="text-zinc-600 dark:text-zinc-400">
        <tr>
          <th className="py-1 text-left font-medium">Model</th>
          <th className="py-1 text-right font-medium">Calls</th>
          <th className="py-1 text-right font-medium">Spend</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.model} className="border-t border-zinc-100 dark:border-zinc-900">
            <td className="py-1">{modelName(m.model)}</td>
            <td className="py-1 text-right tabular-nums">{formatTokens(m.calls)}</td>
            <td className="py-1 text-right tabular-nums">{formatUsd(m.costMicroUsd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { SavedPanel } from "@/lib/panels/config";
import { ESTIMATE_ASSUMPTION, formatMicroUsd, formatUsd, type RunEstimate } from "./cost-estimate";

/**
 * The live estimate beside what the saved panel has really cost: the estimate is a rule of thumb,
 * the measured average is the truth for this user's prompts.
 */
export function CostSummary({
  estimate,
  saved,
  modified,
}: {
  estimate: RunEstimate;
  saved: SavedPanel | null;
  modified: boolean;
}) {
  return (
    <section
      aria-label="Cost per run"
      className="flex flex-col gap-1 rounded-lg bg-zinc-50 p-2 text-xs dark:bg-zinc-900"
    >
      {estimate.lines.length === 0 ? (
        <p data-testid="cost-estimate">Add models to see what a run would cost.</p>
      ) : (
        <p data-testid="cost-estimate">
          <span className="text-base font-semibold tabular-nums">
            {estimate.usd === null ? "≈ ?" : `≈ ${formatUsd(estimate.usd)}`}
          </span>{" "}
          per run, {ESTIMATE_ASSUMPTION}.
        </p>
      )}
      {estimate.unpriced.length > 0 ? (
        <p className="text-amber-800 dark:text-amber-300">
          No list price for {estimate.unpriced.join(", ")}, so the total is unknown.
        </p>
      ) : null}
      <p data-testid="cost-measured" className="text-zinc-600 dark:text-zinc-400">
        {saved === null
          ? "Save the panel to measure what its runs really cost."
          : saved.avgCostMicroUsd === null
            ? `Measured: no runs of “${saved.name}” yet.`
            : `Measured: ${formatMicroUsd(saved.avgCostMicroUsd)} average over ${saved.runs} run${saved.runs === 1 ? "" : "s"} of “${saved.name}”${modified ? " (as saved, before your changes)" : ""}.`}
      </p>
    </section>
  );
}

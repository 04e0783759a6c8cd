"use client";

import { memo } from "react";
import { formatUsd, sumTotals } from "@/lib/fusion/cost";
import type { RunTotals } from "@/lib/fusion/events";
import type { CallView, RunView } from "@/lib/runs/run-view";
import { CallStats } from "./call-column";
import { formatDuration, formatTokens } from "./format";
import { MarkdownText } from "./markdown";
import { useModelName, useModels } from "./models-context";
import { isLiveStatus, StatusBadge } from "./status-badge";

/** The synthesizer's final answer, streaming. */
export const FinalAnswer = memo(function FinalAnswer({ call }: { call: CallView }) {
  const name = useModelName(call.model);
  const live = isLiveStatus(call.status);
  const error = call.call?.error;
  return (
    <section
      aria-label="Final answer"
      data-testid="final-answer"
      data-status={call.status}
      className="rounded-lg border border-zinc-300 bg-white px-4 py-3 shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <header className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 className="text-sm font-semibold">Final answer</h4>
        <span className="text-xs text-zinc-500">synthesizer: {name}</span>
        <StatusBadge status={call.status} />
        <CallStats call={call} />
      </header>
      {call.status === "failed" ? (
        <p className="text-sm text-red-700 dark:text-red-300">
          The synthesizer failed: {error?.message ?? "unknown error"}
        </p>
      ) : null}
      <div data-testid="final-answer-text">
        {call.text ? (
          <MarkdownText text={call.text} streaming={live} />
        ) : (
          <p className="text-sm text-zinc-500 italic">
            {call.status === "queued"
              ? "Waiting for the analysis…"
              : live
                ? "Writing…"
                : "No final answer."}
          </p>
        )}
      </div>
    </section>
  );
});

/**
 * The run's cost, tokens and time. Once the run is over this is the engine's own total (the
 * sum of every call); while it runs, the sum of the calls finished so far.
 */
export function RunTotalsBar({ view }: { view: RunView }) {
  const finalTotals = view.totals;
  const totals: RunTotals =
    finalTotals ??
    sumTotals([...view.panel.map((c) => c.call), view.judge.call, view.synthesizer.call], 0);
  return (
    <dl
      data-testid="run-totals"
      data-cost-micro={totals.costMicroUsd}
      data-input-tokens={totals.inputTokens}
      data-output-tokens={totals.outputTokens}
      className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
    >
      <div className="flex gap-1">
        <dt>{finalTotals ? "Total cost" : "Cost so far"}</dt>
        <dd className="font-medium text-zinc-900 dark:text-zinc-100">
          {formatUsd(totals.costMicroUsd)}
          {totals.unpricedCalls > 0 ? ` + ${totals.unpricedCalls} unpriced` : ""}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt>Tokens</dt>
        <dd>
          {formatTokens(totals.inputTokens)} in / {formatTokens(totals.outputTokens)} out
          {totals.reasoningTokens > 0 ? ` (${formatTokens(totals.reasoningTokens)} reasoning)` : ""}
        </dd>
      </div>
      {finalTotals ? (
        <div className="flex gap-1">
          <dt>Time</dt>
          <dd>{formatDuration(finalTotals.durationMs)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** One line on how the run ended, when that is not simply "done". */
export function RunOutcome({ view }: { view: RunView }) {
  const { byId } = useModels();
  if (view.status === "failed") {
    return (
      <p
        data-testid="run-failure"
        className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        The run failed{view.failureReason ? ` (${view.failureReason})` : ""}:{" "}
        {view.failureMessage ?? "no answer could be produced."}
      </p>
    );
  }
  if (view.status === "degraded") {
    const failed = view.failedModels.map((id) => byId.get(id)?.name ?? id);
    const parts = [
      failed.length > 0 ? `${failed.join(", ")} failed` : null,
      ...view.degradedReasons,
    ].filter(Boolean);
    return (
      <p className="text-sm text-amber-800 dark:text-amber-300">
        Degraded run{parts.length > 0 ? `: ${parts.join(", ")}` : ""}. The answer uses what was
        available.
      </p>
    );
  }
  if (view.status === "cancelled") {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Stopped. Partial text is kept.</p>
    );
  }
  if (view.status === "interrupted") {
    return (
      <p className="text-sm text-amber-800 dark:text-amber-300">
        Interrupted (the server restarted during the run). Partial text is kept.
      </p>
    );
  }
  return null;
}

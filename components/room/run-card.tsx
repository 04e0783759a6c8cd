"use client";

import { memo, useState } from "react";
import { isFinished, type RunView } from "@/lib/runs/run-view";
import { AnalysisView } from "./analysis-view";
import { CopyButton } from "./copy-button";
import { PanelColumns } from "./panel-columns";
import { FinalAnswer, RunOutcome, RunTotalsBar } from "./run-summary";
import { isLiveStatus, StatusBadge } from "./status-badge";
import { useRunStream } from "./use-run-stream";

export type RunCardActions = {
  onStop: (runId: string) => Promise<string | null>;
  onRetry: (runId: string) => Promise<string | null>;
};

function exportUrl(runId: string, format: "md" | "json") {
  return `/api/runs/${encodeURIComponent(runId)}/export?format=${format}`;
}

/** One run of the conversation: prompt, panel columns, analysis, final answer, totals. */
export const RunCard = memo(function RunCard({
  initial,
  index,
  onStop,
  onRetry,
}: { initial: RunView; index: number } & RunCardActions) {
  const view = useRunStream(initial);
  const finished = isFinished(view.status);
  const panelDone = view.panel.every((c) => !isLiveStatus(c.status) && c.status !== "queued");
  const [collapsed, setCollapsed] = useState(false);
  const [busy, setBusy] = useState<"stop" | "retry" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showAnalysis = !(view.status === "failed" && view.judge.status === "queued");
  const showAnswer = !(view.status === "failed" && view.synthesizer.status === "queued");

  async function act(kind: "stop" | "retry") {
    setBusy(kind);
    setError(null);
    const problem = await (kind === "stop" ? onStop(view.id) : onRetry(view.id));
    setError(problem);
    setBusy(null);
  }

  return (
    <article
      aria-label={`Run ${index + 1}`}
      data-testid="run"
      data-run-id={view.id}
      data-status={view.status}
      className="flex flex-col gap-3"
    >
      <div className="flex items-start justify-end gap-2">
        <StatusBadge status={view.status} testId="run-status" />
        <p
          data-testid="run-prompt"
          className="max-w-[min(42rem,85%)] rounded-2xl rounded-tr-sm bg-sky-600 px-4 py-2 text-sm whitespace-pre-wrap text-white dark:bg-sky-700"
        >
          {view.prompt}
        </p>
      </div>

      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          Panel ({view.panel.length})
        </h3>
        {panelDone ? (
          <button
            type="button"
            className="btn-ghost text-xs"
            aria-expanded={!collapsed}
            onClick={() => setCollapsed((c) => !c)}
          >
            {collapsed ? "Expand answers" : "Collapse answers"}
          </button>
        ) : null}
      </div>
      <PanelColumns runId={view.id} panel={view.panel} collapsed={collapsed && panelDone} />

      {showAnalysis ? (
        <AnalysisView judge={view.judge} labelMap={view.labelMap} panel={view.panel} />
      ) : null}
      {showAnswer ? <FinalAnswer call={view.synthesizer} /> : null}
      <RunOutcome view={view} />

      <footer className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <RunTotalsBar view={view} />
        <div className="flex flex-wrap items-center gap-1">
          {finished ? null : (
            <button
              type="button"
              className="btn-danger text-xs"
              aria-label="Stop run"
              disabled={busy === "stop"}
              onClick={() => act("stop")}
            >
              {busy === "stop" ? "Stopping…" : "Stop"}
            </button>
          )}
          <CopyButton
            text={view.synthesizer.text}
            label="Copy answer"
            disabled={!view.synthesizer.text}
          />
          {finished ? (
            <button
              type="button"
              className="btn-ghost text-xs"
              disabled={busy === "retry"}
              onClick={() => act("retry")}
            >
              {busy === "retry" ? "Retrying…" : "Retry"}
            </button>
          ) : null}
          <a className="btn-ghost text-xs" href={exportUrl(view.id, "md")} download>
            Export Markdown
          </a>
          <a className="btn-ghost text-xs" href={exportUrl(view.id, "json")} download>
            Export JSON
          </a>
        </div>
      </footer>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </article>
  );
});

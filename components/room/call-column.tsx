"use client";

import { memo, useRef } from "react";
import { formatUsd } from "@/lib/fusion/cost";
import type { CallView } from "@/lib/runs/run-view";
import { formatDuration, formatTokens } from "./format";
import { MarkdownText } from "./markdown";
import { isLiveStatus, StatusBadge } from "./status-badge";
import { useStickToBottom } from "./use-stick-to-bottom";

/** Tokens, cost and timing of a finished call; dashes while it runs. */
export function CallStats({ call }: { call: CallView }) {
  const record = call.call;
  if (!record) {
    // Tokens and cost are only known when the call ends; show progress meanwhile.
    const progress = [
      call.attempt > 1 ? `attempt ${call.attempt}` : null,
      call.text ? `${formatTokens(call.text.length)} chars so far` : null,
    ].filter(Boolean);
    return <p className="min-h-4 text-xs text-zinc-500 tabular-nums">{progress.join(" · ")}</p>;
  }
  return (
    <p className="flex flex-wrap gap-x-2 text-xs text-zinc-500 tabular-nums">
      <span title="input tokens → output tokens">
        {formatTokens(record.inputTokens)} in · {formatTokens(record.outputTokens)} out
      </span>
      <span
        data-testid="call-cost"
        data-cost-micro={record.costMicroUsd ?? ""}
        title={`cost (${record.costSource})`}
      >
        {formatUsd(record.costMicroUsd)}
      </span>
      <span title="latency (time to first token)">
        {formatDuration(record.latencyMs)}
        {record.ttftMs !== null ? ` (ttft ${formatDuration(record.ttftMs)})` : ""}
      </span>
      {record.attempts > 1 ? <span>{record.attempts} attempts</span> : null}
    </p>
  );
}

function Placeholder({ call }: { call: CallView }) {
  const words: Partial<Record<CallView["status"], string>> = {
    queued: "Waiting to start…",
    thinking: "Thinking…",
    streaming: "…",
    cancelled: "Stopped before any text.",
    interrupted: "Interrupted before any text.",
    done: "(empty answer)",
  };
  return <p className="text-sm text-zinc-500 italic">{words[call.status] ?? ""}</p>;
}

/**
 * One panelist's answer. Memoised: `applyEvent` keeps an unchanged column's object identity,
 * so only the columns that are streaming re-render on each frame.
 */
export const CallColumn = memo(function CallColumn({
  call,
  name,
  collapsed,
  domId,
}: {
  call: CallView;
  name: string;
  collapsed: boolean;
  domId: string;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const live = isLiveStatus(call.status);
  const onScroll = useStickToBottom(bodyRef, live);
  const failed = call.status === "failed";
  const error = call.call?.error;

  return (
    <section
      id={domId}
      aria-label={`${name} answer`}
      data-testid="panelist-column"
      data-model={call.model}
      data-status={call.status}
      className={`flex min-w-0 flex-col rounded-lg border bg-white dark:bg-zinc-900 ${
        failed
          ? "border-red-300 bg-red-50/40 dark:border-red-800 dark:bg-red-950/30"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <header className="flex flex-col gap-1 border-b border-inherit px-3 py-2">
        <div className="flex items-center justify-between gap-2">
          <h4 className="truncate text-sm font-semibold" title={call.model}>
            {name}
          </h4>
          <StatusBadge status={call.status} />
        </div>
        <CallStats call={call} />
      </header>
      {collapsed ? null : (
        <div
          ref={bodyRef}
          onScroll={onScroll}
          // Scrollable regions must be reachable by keyboard.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll box needs focus to scroll by keys
          tabIndex={0}
          className="max-h-[24rem] min-h-24 overflow-auto px-3 py-2 focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          {failed ? (
            <p
              data-testid="call-error"
              className="mb-2 rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
            >
              Failed: {error?.message ?? "the call failed"}
            </p>
          ) : null}
          {call.reasoning ? (
            <details className="mb-2 text-xs text-zinc-500">
              <summary className="cursor-pointer select-none">Reasoning</summary>
              <p className="mt-1 whitespace-pre-wrap">{call.reasoning}</p>
            </details>
          ) : null}
          {call.text ? (
            <MarkdownText text={call.text} streaming={live} />
          ) : failed ? null : (
            <Placeholder call={call} />
          )}
        </div>
      )}
    </section>
  );
});

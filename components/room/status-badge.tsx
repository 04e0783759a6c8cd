import type { CallViewStatus, RunStatus } from "@/lib/runs/run-view";

type AnyStatus = CallViewStatus | RunStatus;

const LIVE: readonly AnyStatus[] = ["thinking", "streaming", "running", "judging", "synthesizing"];

const TONE: Record<AnyStatus, string> = {
  queued: "text-zinc-500 bg-zinc-100 dark:bg-zinc-800 dark:text-zinc-400",
  thinking: "text-sky-800 bg-sky-50 dark:bg-sky-950 dark:text-sky-300",
  streaming: "text-sky-800 bg-sky-50 dark:bg-sky-950 dark:text-sky-300",
  running: "text-sky-800 bg-sky-50 dark:bg-sky-950 dark:text-sky-300",
  judging: "text-sky-800 bg-sky-50 dark:bg-sky-950 dark:text-sky-300",
  synthesizing: "text-sky-800 bg-sky-50 dark:bg-sky-950 dark:text-sky-300",
  done: "text-emerald-800 bg-emerald-50 dark:bg-emerald-950 dark:text-emerald-300",
  degraded: "text-amber-800 bg-amber-50 dark:bg-amber-950 dark:text-amber-300",
  failed: "text-red-800 bg-red-50 dark:bg-red-950 dark:text-red-300",
  cancelled: "text-zinc-700 bg-zinc-100 dark:bg-zinc-800 dark:text-zinc-300",
  interrupted: "text-amber-800 bg-amber-50 dark:bg-amber-950 dark:text-amber-300",
};

const DOT: Record<AnyStatus, string> = {
  queued: "bg-zinc-400",
  thinking: "bg-sky-500",
  streaming: "bg-sky-500",
  running: "bg-sky-500",
  judging: "bg-sky-500",
  synthesizing: "bg-sky-500",
  done: "bg-emerald-500",
  degraded: "bg-amber-500",
  failed: "bg-red-500",
  cancelled: "bg-zinc-400",
  interrupted: "bg-amber-500",
};

export function isLiveStatus(status: AnyStatus): boolean {
  return LIVE.includes(status);
}

/** A status word with a coloured dot; the dot pulses while the call is live. */
export function StatusBadge({ status, testId }: { status: AnyStatus; testId?: string }) {
  const live = isLiveStatus(status);
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status]}`}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {live ? (
          <span
            className={`absolute inline-flex size-full animate-ping rounded-full opacity-60 ${DOT[status]}`}
          />
        ) : null}
        <span className={`relative inline-flex size-2 rounded-full ${DOT[status]}`} />
      </span>
      {status}
    </span>
  );
}

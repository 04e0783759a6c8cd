import type { Db } from "@/db/client";
import { callRecordPatch, closeOpenCalls, updateCall } from "@/db/queries/calls";
import { finishRun, updateRunStatus } from "@/db/queries/runs";
import type { Analysis } from "@/lib/fusion/analysis";
import type { CallRole, FusionEvent, LabelMap } from "@/lib/fusion/events";

/** How often, at most, one call's streamed text is written while it streams. */
export const FLUSH_INTERVAL_MS = 250;

export type RunPersister = {
  /** Feeds one engine event. Never throws: a failed write is logged and the run goes on. */
  handle(event: FusionEvent): void;
  /** Writes all buffered text now. */
  flush(): void;
  /** Stops pending timers (after the run is over). */
  dispose(): void;
};

type Stream = {
  role: CallRole;
  idx: number;
  text: string;
  reasoning: string;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
};

/**
 * Writes a run to the database as its events arrive. Status changes are written at once so a
 * reload or a crash sees them; streamed text is buffered per call and written at most every
 * `flushMs` and when the call ends, so a fast stream costs a handful of writes, not one per token.
 */
export function createRunPersister(args: {
  db: Db;
  userId: string;
  runId: string;
  flushMs?: number;
  now?: () => number;
}): RunPersister {
  const { db, userId, runId } = args;
  const flushMs = args.flushMs ?? FLUSH_INTERVAL_MS;
  const now = args.now ?? Date.now;
  const streams = new Map<string, Stream>();
  let labelMap: LabelMap = {};
  let analysis: Analysis | null = null;
  let answer = "";

  const safely = (what: string, write: () => unknown) => {
    try {
      write();
    } catch (error) {
      console.error(`quorum: run ${runId}: writing ${what} failed`, error);
    }
  };

  const streamOf = (role: CallRole, idx: number): Stream => {
    const key = `${role}:${idx}`;
    let stream = streams.get(key);
    if (!stream) {
      stream = { role, idx, text: "", reasoning: "", dirty: false, timer: undefined };
      streams.set(key, stream);
    }
    return stream;
  };

  const writeStream = (stream: Stream) => {
    clearTimeout(stream.timer);
    stream.timer = undefined;
    if (!stream.dirty) return;
    stream.dirty = false;
    // The whole text each time: a failed write heals at the next one instead of losing a chunk.
    safely("streamed text", () =>
      updateCall(db, {
        userId,
        runId,
        role: stream.role,
        idx: stream.idx,
        patch: {
          text: stream.text,
          reasoning: stream.reasoning,
          ...(stream.text !== "" ? { status: "streaming" } : {}),
        },
      }),
    );
  };

  const append = (role: CallRole, idx: number, channel: "text" | "reasoning", delta: string) => {
    const stream = streamOf(role, idx);
    if (channel === "text") stream.text += delta;
    else stream.reasoning += delta;
    stream.dirty = true;
    stream.timer ??= setTimeout(() => writeStream(stream), flushMs);
  };

  /** A call ended: its record is the truth, so buffered text is dropped, not written. */
  const endStream = (role: CallRole, idx: number) => {
    const key = `${role}:${idx}`;
    clearTimeout(streams.get(key)?.timer);
    streams.delete(key);
  };

  const flush = () => {
    for (const stream of streams.values()) writeStream(stream);
  };

  const call = (role: CallRole, idx: number, patch: Parameters<typeof updateCall>[1]["patch"]) =>
    safely(`the ${role} call`, () => updateCall(db, { userId, runId, role, idx, patch }));
  const run = (what: string, params: Omit<Parameters<typeof updateRunStatus>[1], "userId">) =>
    safely(what, () => updateRunStatus(db, { userId, ...params }));

  function handle(event: FusionEvent): void {
    switch (event.type) {
      case "run.started":
        break; // The row was written as `running` before the engine started.
      case "panelist.started": {
        // A retry starts before any token, so there is no text to keep from the failed attempt.
        endStream("panelist", event.index);
        call("panelist", event.index, {
          status: "thinking",
          attempts: event.attempt,
          ...(event.attempt === 1 ? { startedAt: event.at } : {}),
        });
        break;
      }
      case "panelist.delta":
        append("panelist", event.index, event.channel, event.delta);
        break;
      case "panelist.finished":
      case "panelist.failed":
        endStream("panelist", event.index);
        call("panelist", event.index, callRecordPatch(event.call));
        break;
      case "judge.started":
        labelMap = event.labels;
        run("the judging status", { runId, status: "judging", labelMap });
        call("judge", 0, { status: "thinking", startedAt: event.at });
        break;
      case "judge.partial":
        break; // Shown live only; the finished analysis is what is kept.
      case "judge.finished":
        analysis = event.analysis;
        call("judge", 0, callRecordPatch(event.call));
        run("the analysis", { runId, analysis });
        break;
      case "judge.failed":
        call("judge", 0, callRecordPatch(event.call));
        // Kept at once so a run interrupted later still says why it had no analysis.
        run("the judge failure", { runId, degradedReasons: [event.reason] });
        break;
      case "synth.started":
        run("the synthesizing status", { runId, status: "synthesizing" });
        call("synthesizer", 0, { status: "thinking", startedAt: event.at });
        break;
      case "synth.delta":
        append("synthesizer", 0, "text", event.delta);
        break;
      case "synth.finished":
        endStream("synthesizer", 0);
        if (event.call.status === "done") answer = event.call.text;
        call("synthesizer", 0, callRecordPatch(event.call));
        break;
      case "run.finished":
        flush();
        safely("the finished run", () =>
          finishRun(db, {
            userId,
            runId,
            status: event.status,
            totals: event.totals,
            analysis,
            labelMap,
            failedModels: event.failedModels,
            failureReason: null,
            failureMessage: null,
            degradedReasons: event.degradedReasons,
            answer,
            finishedAt: now(),
          }),
        );
        break;
      case "run.failed":
        flush();
        safely("the failed run", () =>
          finishRun(db, {
            userId,
            runId,
            status: "failed",
            totals: event.totals,
            failureReason: event.reason,
            failureMessage: event.message,
            finishedAt: now(),
          }),
        );
        break;
      case "run.cancelled":
        // Partial text is kept: write what streamed, then close what was still open.
        flush();
        for (const cut of event.calls) call(cut.role, cut.index, callRecordPatch(cut));
        safely("the cancelled calls", () =>
          closeOpenCalls(db, { userId, runId, status: "cancelled" }),
        );
        safely("the cancelled run", () =>
          finishRun(db, {
            userId,
            runId,
            status: "cancelled",
            totals: event.totals,
            finishedAt: now(),
          }),
        );
        break;
    }
  }

  return {
    handle(event) {
      try {
        handle(event);
      } catch (error) {
        console.error(`quorum: run ${runId}: persisting ${event.type} failed`, error);
      }
    },
    flush,
    dispose() {
      for (const stream of streams.values()) clearTimeout(stream.timer);
      streams.clear();
    },
  };
}

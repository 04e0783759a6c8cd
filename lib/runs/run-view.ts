import type { Analysis } from "@/lib/fusion/analysis";
import type {
  CallRecord,
  FailureReason,
  FusionEvent,
  LabelMap,
  RunTotals,
} from "@/lib/fusion/events";

/**
 * A run as a person watches it: one shape for the live snapshot held in memory, the replay
 * built from the database, and the browser's state. `applyEvent` is the single reducer that
 * moves it forward on the server (snapshots) and in the browser (live tail).
 */
export type RunStatus =
  | "running"
  | "judging"
  | "synthesizing"
  | "done"
  | "degraded"
  | "failed"
  | "cancelled"
  | "interrupted";

export type CallViewStatus =
  | "queued"
  | "thinking"
  | "streaming"
  | "done"
  | "failed"
  | "cancelled"
  | "interrupted";

export type CallView = {
  model: string;
  status: CallViewStatus;
  text: string;
  reasoning: string;
  attempt: number;
  /** The finished call (tokens, cost, latency, error); null while it runs. */
  call: CallRecord | null;
};

export type RunView = {
  id: string;
  conversationId: string;
  prompt: string;
  status: RunStatus;
  createdAt: number;
  panel: CallView[];
  judge: CallView & { partial: unknown; analysis: Analysis | null; failure: FailureReason | null };
  synthesizer: CallView;
  labelMap: LabelMap;
  failedModels: string[];
  failureReason: FailureReason | null;
  failureMessage: string | null;
  degradedReasons: FailureReason[];
  totals: RunTotals | null;
  /** Number of events applied; lets a subscriber skip what a snapshot already holds. */
  seq: number;
};

export const FINISHED_STATUSES: readonly RunStatus[] = [
  "done",
  "degraded",
  "failed",
  "cancelled",
  "interrupted",
];

export function isFinished(status: RunStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

function callView(model: string): CallView {
  return { model, status: "queued", text: "", reasoning: "", attempt: 0, call: null };
}

export function newRunView(args: {
  id: string;
  conversationId: string;
  prompt: string;
  createdAt: number;
  panel: readonly string[];
  judge: string;
  synthesizer: string;
}): RunView {
  return {
    id: args.id,
    conversationId: args.conversationId,
    prompt: args.prompt,
    status: "running",
    createdAt: args.createdAt,
    panel: args.panel.map(callView),
    judge: { ...callView(args.judge), partial: null, analysis: null, failure: null },
    synthesizer: callView(args.synthesizer),
    labelMap: {},
    failedModels: [],
    failureReason: null,
    failureMessage: null,
    degradedReasons: [],
    totals: null,
    seq: 0,
  };
}

function finishedCall(view: CallView, call: CallRecord): CallView {
  return { ...view, status: call.status, text: call.text, reasoning: call.reasoning, call };
}

function withPanelist(view: RunView, index: number, update: (c: CallView) => CallView): RunView {
  const current = view.panel[index];
  if (!current) return view;
  const panel = view.panel.slice();
  panel[index] = update(current);
  return { ...view, panel };
}

/** Calls still running when the run ends are closed with the run's own status. */
function closeOpenCalls(view: RunView, status: "cancelled" | "interrupted"): RunView {
  const close = <T extends CallView>(c: T): T =>
    c.status === "thinking" || c.status === "streaming" || c.status === "queued"
      ? { ...c, status }
      : c;
  return {
    ...view,
    panel: view.panel.map(close),
    judge: close(view.judge),
    synthesizer: close(view.synthesizer),
  };
}

/**
 * Applies one engine event. Unchanged parts keep their identity, so a finished column does
 * not re-render when another column streams.
 */
export function applyEvent(view: RunView, event: FusionEvent): RunView {
  const next = reduce(view, event);
  return { ...next, seq: view.seq + 1 };
}

function reduce(view: RunView, event: FusionEvent): RunView {
  switch (event.type) {
    case "run.started":
      return { ...view, status: "running" };
    case "panelist.started":
      return withPanelist(view, event.index, (c) => ({
        ...c,
        status: "thinking",
        attempt: event.attempt,
      }));
    case "panelist.delta":
      return withPanelist(view, event.index, (c) =>
        event.channel === "text"
          ? { ...c, status: "streaming", text: c.text + event.delta }
          : { ...c, reasoning: c.reasoning + event.delta },
      );
    case "panelist.finished":
    case "panelist.failed":
      return withPanelist(view, event.index, (c) => finishedCall(c, event.call));
    case "judge.started":
      return {
        ...view,
        status: "judging",
        labelMap: event.labels,
        judge: { ...view.judge, status: "thinking" },
      };
    case "judge.partial":
      if (view.judge.call) return view; // the verdict is in; a late partial changes nothing
      return { ...view, judge: { ...view.judge, status: "streaming", partial: event.partial } };
    case "judge.finished":
      return {
        ...view,
        judge: { ...view.judge, ...finishedCall(view.judge, event.call), analysis: event.analysis },
      };
    case "judge.failed":
      return {
        ...view,
        judge: { ...view.judge, ...finishedCall(view.judge, event.call), failure: event.reason },
      };
    case "synth.started":
      return {
        ...view,
        status: "synthesizing",
        synthesizer: { ...view.synthesizer, status: "thinking" },
      };
    case "synth.delta":
      return {
        ...view,
        synthesizer: {
          ...view.synthesizer,
          status: "streaming",
          text: view.synthesizer.text + event.delta,
        },
      };
    case "synth.finished":
      return { ...view, synthesizer: finishedCall(view.synthesizer, event.call) };
    case "run.finished":
      return {
        ...view,
        status: event.status,
        totals: event.totals,
        failedModels: event.failedModels,
        degradedReasons: event.degradedReasons,
      };
    case "run.failed":
      return {
        ...view,
        status: "failed",
        totals: event.totals,
        failureReason: event.reason,
        failureMessage: event.message,
      };
    case "run.cancelled": {
      const judgeCall = event.calls.find((c) => c.role === "judge");
      const judged = judgeCall
        ? { ...view, judge: { ...view.judge, ...finishedCall(view.judge, judgeCall) } }
        : view;
      return { ...closeOpenCalls(judged, "cancelled"), status: "cancelled", totals: event.totals };
    }
  }
}

export function markInterrupted(view: RunView): RunView {
  return { ...closeOpenCalls(view, "interrupted"), status: "interrupted" };
}

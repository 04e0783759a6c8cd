import type { Analysis } from "./analysis";
import type { CallRecord, EventSink } from "./events";
import type { ChatMessage, FusionSettings, RoleModel } from "./input";
import { type Clock, type ResolvedModel, streamModelCall } from "./model-call";
import type { LabelledAnswer } from "./prompt-format";
import { DEFAULT_SYNTHESIZER_INSTRUCTIONS, synthesizerMessages } from "./prompts";
import type { RetryPolicy } from "./retry";

/** Streams the final answer, grounded in the analysis (when there is one) and the answers. */
export async function synthesize(args: {
  synthesizer: RoleModel;
  resolved: ResolvedModel;
  messages: readonly ChatMessage[];
  answers: LabelledAnswer[];
  analysis: Analysis | null;
  settings: FusionSettings;
  emit: EventSink;
  signal: AbortSignal;
  clock: Clock;
  retry: RetryPolicy;
}): Promise<CallRecord> {
  const { settings } = args;
  args.emit({ type: "synth.started", model: args.synthesizer.model, at: args.clock.now() });
  const { record } = await streamModelCall({
    role: "synthesizer",
    index: 0,
    modelId: args.synthesizer.model,
    resolved: args.resolved,
    system: args.synthesizer.instructions ?? DEFAULT_SYNTHESIZER_INSTRUCTIONS,
    messages: synthesizerMessages(args.messages, args.answers, args.analysis),
    temperature: Math.min(settings.temperature, 1),
    ...(settings.maxCompletionTokens !== undefined
      ? { maxOutputTokens: settings.maxCompletionTokens }
      : {}),
    ...(settings.reasoningEffort ? { reasoningEffort: settings.reasoningEffort } : {}),
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    signal: args.signal,
    timeoutMs: settings.panelistTimeoutMs,
    retry: args.retry,
    clock: args.clock,
    onDelta: (channel, delta) => {
      if (channel === "text") args.emit({ type: "synth.delta", delta });
    },
  });
  // Sent whatever the outcome: the call record says whether it finished, failed or was cancelled.
  args.emit({ type: "synth.finished", call: record });
  return record;
}

import type { CallRecord, EventSink } from "./events";
import type { FusionInput } from "./input";
import { type Clock, type ResolvedModel, streamModelCall } from "./model-call";
import { toModelMessages } from "./prompts";
import type { RetryPolicy } from "./retry";

/**
 * Sends the prompt to every panelist at once. Each panelist streams, retries and fails on its
 * own; one failure never holds up the rest.
 */
export async function fanOut(args: {
  input: FusionInput;
  /** One resolved model per panel slot, in panel order. */
  resolved: readonly ResolvedModel[];
  emit: EventSink;
  signal: AbortSignal;
  clock: Clock;
  retry: RetryPolicy;
}): Promise<CallRecord[]> {
  const { input, emit, clock } = args;
  const messages = toModelMessages(input.messages);
  return Promise.all(
    input.panel.map(async (panelist, index): Promise<CallRecord> => {
      const resolved = args.resolved[index] as ResolvedModel;
      const effort = panelist.reasoningEffort ?? input.settings.reasoningEffort;
      const maxTokens = panelist.maxCompletionTokens ?? input.settings.maxCompletionTokens;
      const { record } = await streamModelCall({
        role: "panelist",
        index,
        modelId: panelist.model,
        resolved,
        ...(panelist.systemPrompt ? { system: panelist.systemPrompt } : {}),
        messages,
        temperature: panelist.temperature ?? input.settings.temperature,
        ...(maxTokens !== undefined ? { maxOutputTokens: maxTokens } : {}),
        ...(effort ? { reasoningEffort: effort } : {}),
        // Distinct seeds per slot, so a self-panel (one model twice) gives two samples.
        ...(input.settings.seed !== undefined ? { seed: input.settings.seed + index } : {}),
        signal: args.signal,
        timeoutMs: input.settings.panelistTimeoutMs,
        retry: args.retry,
        clock,
        onAttempt: (attempt) =>
          emit({
            type: "panelist.started",
            index,
            model: panelist.model,
            attempt,
            at: clock.now(),
          }),
        onDelta: (channel, delta) => emit({ type: "panelist.delta", index, channel, delta }),
      });
      emit({
        type: record.status === "done" ? "panelist.finished" : "panelist.failed",
        index,
        call: record,
      });
      return record;
    }),
  );
}

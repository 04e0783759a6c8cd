import type { JSONValue, LanguageModel, ModelMessage, OutputInterface } from "ai";
import { streamText } from "ai";
import { callCost, type Pricing, providerReportedCost } from "./cost";
import type { CallError, CallRecord, CallRole } from "./events";
import { backoffMs, describeError, isRetryable, type RetryPolicy } from "./retry";

export type ReasoningEffort = "low" | "medium" | "high";
type ProviderOptions = Record<string, Record<string, JSONValue>>;

/** What the engine needs of a model: the AI SDK model, its prices, provider-specific options. */
export type ResolvedModel = {
  model: LanguageModel;
  pricing: Pricing | null;
  providerOptions?: (opts: { reasoningEffort?: ReasoningEffort }) => ProviderOptions | undefined;
};

/** Hands out models by Quorum id (`provider:model`); throws when the id cannot be served. */
export type ModelResolver = (modelId: string) => ResolvedModel;

export type Clock = {
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
};

export type ModelCallArgs = {
  role: CallRole;
  index: number;
  modelId: string;
  resolved: ResolvedModel;
  system?: string;
  messages: ModelMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  reasoningEffort?: ReasoningEffort;
  seed?: number;
  // biome-ignore lint/suspicious/noExplicitAny: AI SDK's Output is generic over its result.
  output?: OutputInterface<any, any, any>;
  signal: AbortSignal;
  timeoutMs: number;
  retry: RetryPolicy;
  clock: Clock;
  onAttempt?: (attempt: number) => void;
  onDelta?: (channel: "text" | "reasoning", delta: string) => void;
};

export type ModelCallResult = {
  record: CallRecord;
  /** The structured output when `output` was requested and the model produced a valid one. */
  output: unknown;
  outputError: unknown;
};

class CallTimeoutError extends Error {
  constructor(ms: number) {
    super(`No complete answer within ${Math.round(ms / 1000)} s.`);
    this.name = "CallTimeoutError";
  }
}

/**
 * One streamed model call with its own abort, timeout and bounded retries. A call is retried
 * only before its first token: once text has been shown, a retry would show different text.
 */
export async function streamModelCall(args: ModelCallArgs): Promise<ModelCallResult> {
  const { clock } = args;
  const startedAt = clock.now();
  const control = new AbortController();
  const onOuterAbort = () => control.abort(args.signal.reason);
  if (args.signal.aborted) control.abort(args.signal.reason);
  else args.signal.addEventListener("abort", onOuterAbort, { once: true });
  const timer = setTimeout(
    () => control.abort(new CallTimeoutError(args.timeoutMs)),
    args.timeoutMs,
  );

  let text = "";
  let reasoning = "";
  let ttftMs: number | null = null;
  let attempts = 0;
  let usage: { input?: number; output?: number; reasoning?: number } = {};
  let providerCostUsd: number | null = null;
  let failure: unknown = null;
  let output: unknown;
  let outputError: unknown = null;

  const firstToken = () => {
    if (ttftMs === null) ttftMs = clock.now() - startedAt;
  };

  try {
    for (;;) {
      attempts += 1;
      args.onAttempt?.(attempts);
      try {
        const result = streamText({
          model: args.resolved.model,
          ...(args.system ? { system: args.system } : {}),
          messages: args.messages,
          ...(args.temperature !== undefined ? { temperature: args.temperature } : {}),
          ...(args.maxOutputTokens !== undefined ? { maxOutputTokens: args.maxOutputTokens } : {}),
          ...(args.seed !== undefined ? { seed: args.seed } : {}),
          ...(args.output ? { output: args.output } : {}),
          providerOptions: args.resolved.providerOptions?.({
            ...(args.reasoningEffort ? { reasoningEffort: args.reasoningEffort } : {}),
          }),
          abortSignal: control.signal,
          // Retries are ours: the SDK's would not honour the first-token rule.
          maxRetries: 0,
          onError: () => {},
        });
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") {
            firstToken();
            text += part.text;
            args.onDelta?.("text", part.text);
          } else if (part.type === "reasoning-delta") {
            firstToken();
            reasoning += part.text;
            args.onDelta?.("reasoning", part.text);
          } else if (part.type === "finish-step") {
            providerCostUsd = providerReportedCost(part.providerMetadata) ?? providerCostUsd;
          } else if (part.type === "finish") {
            usage = {
              input: part.totalUsage.inputTokens,
              output: part.totalUsage.outputTokens,
              reasoning:
                part.totalUsage.outputTokenDetails?.reasoningTokens ??
                part.totalUsage.reasoningTokens,
            };
          } else if (part.type === "error") {
            throw part.error;
          } else if (part.type === "abort") {
            throw control.signal.reason ?? new DOMException("Aborted", "AbortError");
          }
        }
        if (args.output) {
          try {
            output = await result.output;
          } catch (error) {
            outputError = error;
          }
        }
        failure = null;
        break;
      } catch (error) {
        failure = control.signal.aborted ? (control.signal.reason ?? error) : error;
        if (control.signal.aborted || ttftMs !== null || attempts > args.retry.maxRetries) break;
        if (!isRetryable(error)) break;
        const wait = backoffMs(attempts - 1, error, args.retry, clock.random);
        if (wait === null) break;
        try {
          await clock.sleep(wait, control.signal);
        } catch {
          failure = control.signal.reason ?? failure;
          break;
        }
      }
    }
  } finally {
    clearTimeout(timer);
    args.signal.removeEventListener("abort", onOuterAbort);
  }

  const cancelled = failure !== null && args.signal.aborted;
  let error: CallError | null = null;
  if (failure instanceof CallTimeoutError) {
    error = { code: "timeout", message: failure.message };
  } else if (failure !== null) {
    error = cancelled ? { code: "cancelled", message: "Cancelled." } : describeError(failure);
  }
  // A call cut short has no usage report; estimate from what streamed so the spend is not lost.
  const estimated = failure !== null && usage.output === undefined;
  const inputTokens =
    usage.input ??
    (estimated && (text || reasoning) ? estimateTokens(args.messages, args.system) : 0);
  const reasoningTokens = usage.reasoning ?? (estimated ? approxTokens(reasoning) : 0);
  const outputTokens = usage.output ?? (estimated ? approxTokens(text) + reasoningTokens : 0);
  const finishedAt = clock.now();
  return {
    record: {
      role: args.role,
      index: args.index,
      model: args.modelId,
      status: failure === null ? "done" : cancelled ? "cancelled" : "failed",
      text,
      reasoning,
      inputTokens,
      outputTokens,
      reasoningTokens,
      ...callCost({
        providerCostUsd,
        pricing: args.resolved.pricing,
        inputTokens,
        outputTokens,
      }),
      ttftMs,
      latencyMs: finishedAt - startedAt,
      attempts,
      error,
      startedAt,
      finishedAt,
    },
    output,
    outputError,
  };
}

function approxTokens(text: string): number {
  return text ? Math.ceil(text.length / 4) : 0;
}

function estimateTokens(messages: ModelMessage[], system?: string): number {
  let chars = system?.length ?? 0;
  for (const m of messages) chars += typeof m.content === "string" ? m.content.length : 0;
  return Math.max(1, Math.ceil(chars / 4));
}

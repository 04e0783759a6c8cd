import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import {
  SIM_FAILURE_MESSAGE,
  type SimCompletion,
  type SimMessage,
  simulateCompletion,
} from "./generator";
import { paceTokens, type SimSpeed, type SimTiming, simTiming, sleep } from "./timing";

/** Flattens an AI SDK prompt into plain role/text messages for the generator. */
export function toSimMessages(prompt: LanguageModelV3Prompt): SimMessage[] {
  const out: SimMessage[] = [];
  for (const m of prompt) {
    if (m.role === "system") out.push({ role: "system", content: m.content });
    else if (m.role === "user" || m.role === "assistant") {
      const text = m.content
        .map((p) => (p.type === "text" ? p.text : ""))
        .filter(Boolean)
        .join("\n");
      out.push({ role: m.role, content: text });
    }
  }
  return out;
}

function usageOf(c: SimCompletion, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: c.inputTokens, noCache: c.inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: {
      total: outputTokens + c.reasoningTokens.length,
      text: outputTokens,
      reasoning: c.reasoningTokens.length,
    },
  };
}

export class SimulatedUpstreamError extends Error {
  readonly isRetryable = false;
  constructor(message: string) {
    super(message);
    this.name = "SimulatedUpstreamError";
  }
}

export type SimModelOptions = {
  speed?: SimSpeed;
  /** Overrides the persona's timing (tests and benchmarks use fixed latencies). */
  timing?: Partial<SimTiming>;
};

/**
 * A simulated model behind the AI SDK's LanguageModelV3 interface, so the engine drives it
 * exactly like a real provider: streaming parts, usage, finish reasons, abort.
 */
export function createSimLanguageModel(id: string, options: SimModelOptions = {}): LanguageModelV3 {
  const slug = id.startsWith("sim:") ? id.slice(4) : id;
  const complete = (call: LanguageModelV3CallOptions) =>
    simulateCompletion({
      model: slug,
      messages: toSimMessages(call.prompt),
      ...(call.seed !== undefined ? { seed: call.seed } : {}),
      ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
      ...(call.maxOutputTokens !== undefined ? { maxOutputTokens: call.maxOutputTokens } : {}),
      responseFormat: call.responseFormat?.type === "json" ? "json" : "text",
    });
  const timingFor = (c: SimCompletion): SimTiming => ({
    ...simTiming(c.persona, options.speed),
    ...options.timing,
  });

  return {
    specificationVersion: "v3",
    provider: "sim",
    modelId: slug,
    supportedUrls: {},

    async doGenerate(call) {
      const c = complete(call);
      const timing = timingFor(c);
      const all = c.reasoningTokens.length + c.tokens.length;
      await sleep(timing.firstTokenMs + (all / timing.tokensPerSecond) * 1000, call.abortSignal);
      if (c.failAfterTokens !== null) throw new SimulatedUpstreamError(SIM_FAILURE_MESSAGE);
      return {
        content: [
          ...(c.reasoning ? [{ type: "reasoning" as const, text: c.reasoning }] : []),
          { type: "text" as const, text: c.text },
        ],
        finishReason: { unified: c.finishReason, raw: c.finishReason },
        usage: usageOf(c, c.tokens.length),
        warnings: [],
      };
    },

    async doStream(call) {
      const c = complete(call);
      const timing = timingFor(c);
      const signal = call.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          try {
            controller.enqueue({ type: "stream-start", warnings: [] });
            let delay = timing.firstTokenMs;
            if (c.reasoningTokens.length > 0) {
              controller.enqueue({ type: "reasoning-start", id: "r0" });
              for await (const delta of paceTokens(
                c.reasoningTokens,
                timing.tokensPerSecond,
                signal,
                delay,
              )) {
                controller.enqueue({ type: "reasoning-delta", id: "r0", delta });
              }
              controller.enqueue({ type: "reasoning-end", id: "r0" });
              delay = 0;
            }
            const tokens =
              c.failAfterTokens !== null ? c.tokens.slice(0, c.failAfterTokens) : c.tokens;
            controller.enqueue({ type: "text-start", id: "t0" });
            for await (const delta of paceTokens(tokens, timing.tokensPerSecond, signal, delay)) {
              controller.enqueue({ type: "text-delta", id: "t0", delta });
            }
            if (c.failAfterTokens !== null) {
              controller.enqueue({
                type: "error",
                error: new SimulatedUpstreamError(SIM_FAILURE_MESSAGE),
              });
              controller.close();
              return;
            }
            controller.enqueue({ type: "text-end", id: "t0" });
            controller.enqueue({
              type: "finish",
              usage: usageOf(c, tokens.length),
              finishReason: { unified: c.finishReason, raw: c.finishReason },
            });
            controller.close();
          } catch (error) {
            controller.error(error);
          }
        },
      });
      return { stream };
    },
  };
}

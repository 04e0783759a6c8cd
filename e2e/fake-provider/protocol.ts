import type { SimCompletion, SimMessage } from "@/lib/models/sim/generator";
import { SIM_PERSONAS, type SimPersona } from "@/lib/models/sim/personas";
import { modelSlug } from "./faults";

/**
 * The OpenAI chat-completions wire format, as far as the fake provider speaks it: request
 * parsing, usage with OpenRouter's `cost`, and the response/chunk objects.
 */
export type ChatRequest = {
  /** The model id exactly as sent. */
  model: string;
  /** The persona slug the generator gets (`sim/atlas` → `atlas`). */
  slug: string;
  messages: SimMessage[];
  stream: boolean;
  includeUsage: boolean;
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  responseFormat: "text" | "json";
};

export class BadRequestError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Content is a string or an array of parts; only text parts mean anything to the generator. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) =>
      isRecord(part) && part.type === "text" && typeof part.text === "string" ? part.text : "",
    )
    .filter(Boolean)
    .join("\n");
}

function toSimRole(role: unknown): SimMessage["role"] | null {
  if (role === "system" || role === "developer") return "system";
  if (role === "user" || role === "assistant") return role;
  return null; // tool results carry nothing the generator reads
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function parseChatRequest(body: unknown): ChatRequest {
  if (!isRecord(body)) throw new BadRequestError("The request body must be a JSON object.");
  if (typeof body.model !== "string" || body.model === "") {
    throw new BadRequestError("`model` is required.");
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new BadRequestError("`messages` must be a non-empty array.");
  }
  const messages: SimMessage[] = [];
  for (const m of body.messages) {
    if (!isRecord(m)) throw new BadRequestError("Each message must be an object.");
    const role = toSimRole(m.role);
    if (role) messages.push({ role, content: textOf(m.content) });
  }
  const format = isRecord(body.response_format) ? body.response_format.type : undefined;
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  const temperature = optionalNumber(body.temperature);
  const seed = optionalNumber(body.seed);
  const maxTokens = optionalNumber(body.max_completion_tokens) ?? optionalNumber(body.max_tokens);
  return {
    model: body.model,
    slug: modelSlug(body.model),
    messages,
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    responseFormat: format === "json_schema" || format === "json_object" ? "json" : "text",
  };
}

export type WireUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
  cost?: number;
};

/** USD for a call at the persona's list prices (per million tokens). */
export function costOf(persona: SimPersona, inputTokens: number, outputTokens: number): number {
  return (
    (inputTokens * persona.inputPricePerMTok + outputTokens * persona.outputPricePerMTok) / 1e6
  );
}

/**
 * Usage as OpenAI reports it: completion tokens include reasoning tokens, which are broken out
 * in `completion_tokens_details`. OpenRouter adds `cost` (USD, a number).
 */
export function usageOf(c: SimCompletion, textTokens: number, withCost: boolean): WireUsage {
  const completion = textTokens + c.reasoningTokens.length;
  return {
    prompt_tokens: c.inputTokens,
    completion_tokens: completion,
    total_tokens: c.inputTokens + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: c.reasoningTokens.length },
    ...(withCost ? { cost: costOf(c.persona, c.inputTokens, completion) } : {}),
  };
}

/** The fields every chunk and completion carries. OpenRouter also names the upstream provider. */
export type ResponseHead = { id: string; created: number; model: string; provider?: string };

export function completionObject(
  head: ResponseHead,
  message: { content: string; reasoning: string },
  finishReason: string,
  usage: WireUsage,
  openRouterHabits: boolean,
) {
  // OpenRouter names the reasoning `reasoning`; llama.cpp, vLLM and DeepSeek say
  // `reasoning_content`. @ai-sdk/openai-compatible reads either.
  const reasoningKey = openRouterHabits ? "reasoning" : "reasoning_content";
  return {
    ...head,
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: message.content,
          ...(message.reasoning ? { [reasoningKey]: message.reasoning } : {}),
        },
        finish_reason: finishReason,
        logprobs: null,
      },
    ],
    usage,
  };
}

export function deltaChunk(
  head: ResponseHead,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
) {
  return {
    ...head,
    object: "chat.completion.chunk",
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

/** OpenAI's trailing usage chunk: empty `choices`, then `[DONE]`. */
export function usageChunk(head: ResponseHead, usage: WireUsage) {
  return { ...head, object: "chat.completion.chunk", choices: [], usage };
}

/**
 * A mid-stream error. OpenRouter's "unified" form keeps the chunk fields and adds a choice
 * with `finish_reason: "error"`; OpenAI (and vLLM) send a bare `{ error }`. Both providers
 * check `"error" in chunk` first, so either surfaces as an error stream part.
 */
export function errorChunk(head: ResponseHead, message: string, openRouterHabits: boolean) {
  const error = { code: 502, message, type: "server_error" };
  if (!openRouterHabits) return { error };
  return {
    ...head,
    object: "chat.completion.chunk",
    error,
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
  };
}

/** USD per token as a decimal string, the way OpenRouter's `/models` lists prices. */
function perToken(pricePerMTok: number): string {
  return (pricePerMTok / 1e6).toFixed(12).replace(/\.?0+$/, "");
}

export function modelList(created: number) {
  return {
    object: "list",
    data: SIM_PERSONAS.map((p) => ({
      id: p.slug,
      object: "model",
      created,
      owned_by: "quorum-sim",
      // OpenRouter-style extras, so a catalog can be filled from the fake as from the real thing.
      name: `${p.name} (simulated)`,
      description: p.description,
      context_length: p.contextLength,
      pricing: {
        prompt: perToken(p.inputPricePerMTok),
        completion: perToken(p.outputPricePerMTok),
      },
    })),
  };
}

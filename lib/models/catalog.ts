/**
 * Pure parsing of model catalogs into ModelInfo: OpenRouter's `GET /models`, an
 * OpenAI-compatible endpoint's `GET /models`, and the built-in simulated models.
 * No I/O here, so the offline snapshot script, the refresher and tests share one mapping.
 */
import { z } from "zod";
import { QuorumError } from "@/lib/errors";
import { formatModelId } from "./ids";
import { SIM_PERSONAS } from "./sim/personas";
import type { ModelCapabilities, ModelInfo } from "./types";

export const OPENROUTER_PROVIDER = "openrouter";
export const SIM_PROVIDER = "sim";

/** A catalog entry that was left out, and why (for logs; never fatal). */
export type SkippedEntry = { index: number; id: string | null; reason: string };
export type ParseOptions = { onSkip?: (entry: SkippedEntry) => void };

// Every field but `id` falls back to null when missing or malformed: OpenRouter adds and
// nulls fields over time, and one odd field should cost us that field, not the model.
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
const count = lenient(z.number().int().nonnegative());
const price = lenient(z.union([z.string(), z.number()]));

const openRouterModelSchema = z.object({
  id: z.string().trim().min(1),
  name: lenient(z.string()),
  created: lenient(z.number()),
  description: lenient(z.string()),
  context_length: count,
  architecture: lenient(z.object({ output_modalities: lenient(z.array(z.string())) })),
  pricing: lenient(z.object({ prompt: price, completion: price })),
  top_provider: lenient(z.object({ context_length: count, max_completion_tokens: count })),
  supported_parameters: lenient(z.array(z.string())),
});

/** Only `data` must be an array; its entries are checked one by one. */
const listResponseSchema = z.object({ data: z.array(z.unknown()) });

export type OpenRouterModelEntry = z.infer<typeof openRouterModelSchema>;

const PLAIN_DECIMAL = /^\+?(\d*)(?:\.(\d*))?$/;
const EXPONENT = /^\+?\d+(?:\.\d+)?e[-+]?\d+$/i;

/**
 * USD per token (OpenRouter's decimal strings) → USD per million tokens. The decimal point is
 * shifted in the string so "0.00000015" becomes exactly 0.15, not 0.15000000000000002.
 * Negative ("-1": the router models' "price varies") or unparsable → null (unknown).
 */
export function usdPerTokenToPerMTok(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = PLAIN_DECIMAL.exec(text);
  if (match && (match[1] || match[2])) {
    const whole = match[1] ?? "";
    const fraction = (match[2] ?? "").padEnd(6, "0");
    return Number(`${whole}${fraction.slice(0, 6)}.${fraction.slice(6)}`);
  }
  if (!EXPONENT.test(text)) return null;
  // Rare scientific notation: float maths, rounded to 12 significant digits to drop the noise.
  const perMillion = Number(text) * 1e6;
  return Number.isFinite(perMillion) ? Number(perMillion.toPrecision(12)) : null;
}

export function capabilitiesFrom(parameters: readonly string[]): ModelCapabilities {
  const has = (name: string) => parameters.includes(name);
  return {
    tools: has("tools") || has("tool_choice"),
    reasoning: has("reasoning") || has("include_reasoning"),
    structuredOutput: has("structured_outputs") || has("response_format"),
  };
}

/** `anthropic` from `anthropic/claude-opus-4.7`; ids without a vendor part get the fallback. */
export function vendorOf(upstreamId: string, fallback: string): string {
  const slash = upstreamId.indexOf("/");
  return slash > 0 ? upstreamId.slice(0, slash) : fallback;
}

export function openRouterModelInfo(entry: OpenRouterModelEntry): ModelInfo {
  const supportedParameters = entry.supported_parameters ?? [];
  return {
    id: formatModelId(OPENROUTER_PROVIDER, entry.id),
    upstreamId: entry.id,
    provider: OPENROUTER_PROVIDER,
    vendor: vendorOf(entry.id, OPENROUTER_PROVIDER),
    name: entry.name?.trim() || entry.id,
    description: entry.description ?? "",
    simulated: false,
    contextLength: entry.context_length ?? entry.top_provider?.context_length ?? null,
    inputPricePerMTok: usdPerTokenToPerMTok(entry.pricing?.prompt),
    outputPricePerMTok: usdPerTokenToPerMTok(entry.pricing?.completion),
    maxCompletionTokens: entry.top_provider?.max_completion_tokens ?? null,
    supportedParameters,
    capabilities: capabilitiesFrom(supportedParameters),
    // OpenRouter gives Unix seconds; Quorum keeps milliseconds everywhere.
    created: entry.created == null ? null : Math.round(entry.created * 1000),
  };
}

function listEntries(json: unknown, source: string): unknown[] {
  const parsed = listResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new QuorumError(
      "upstream:catalog",
      `${source} returned an unexpected model list: expected an object with a "data" array.`,
    );
  }
  return parsed.data.data;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid entry";
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

function idOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

/**
 * Maps OpenRouter's `GET /models` response to ModelInfo. Malformed entries, duplicates and
 * models that cannot answer in text are skipped (reported through `onSkip`); only a response
 * without a `data` array fails, with a QuorumError.
 */
export function parseOpenRouterCatalog(json: unknown, options: ParseOptions = {}): ModelInfo[] {
  const models: ModelInfo[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of listEntries(json, "OpenRouter").entries()) {
    const skip = (reason: string) => options.onSkip?.({ index, id: idOf(raw), reason });
    const parsed = openRouterModelSchema.safeParse(raw);
    if (!parsed.success) {
      skip(describeIssue(parsed.error));
      continue;
    }
    const entry = parsed.data;
    if (seen.has(entry.id)) {
      skip("duplicate id");
      continue;
    }
    const outputs = entry.architecture?.output_modalities;
    // A chatroom needs text back; image- or audio-only generators would only fail at run time.
    if (outputs && outputs.length > 0 && !outputs.includes("text")) {
      skip("does not output text");
      continue;
    }
    seen.add(entry.id);
    models.push(openRouterModelInfo(entry));
  }
  return models;
}

const endpointModelSchema = z.object({ id: z.string().trim().min(1) });

/**
 * Maps an OpenAI-compatible `GET /models` response (`{ data: [{ id }] }`: Ollama, vLLM,
 * llama.cpp server, LM Studio) to ModelInfo. Such servers publish no prices or limits.
 */
export function parseEndpointModelList(
  endpointName: string,
  json: unknown,
  options: ParseOptions = {},
): ModelInfo[] {
  const models: ModelInfo[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of listEntries(json, `Endpoint "${endpointName}"`).entries()) {
    const parsed = endpointModelSchema.safeParse(raw);
    if (!parsed.success) {
      options.onSkip?.({ index, id: idOf(raw), reason: describeIssue(parsed.error) });
      continue;
    }
    const upstreamId = parsed.data.id;
    if (seen.has(upstreamId)) {
      options.onSkip?.({ index, id: upstreamId, reason: "duplicate id" });
      continue;
    }
    seen.add(upstreamId);
    models.push({
      id: formatModelId(endpointName, upstreamId),
      upstreamId,
      provider: endpointName,
      vendor: vendorOf(upstreamId, endpointName),
      name: upstreamId,
      description: "",
      simulated: false,
      contextLength: null,
      inputPricePerMTok: null,
      outputPricePerMTok: null,
      maxCompletionTokens: null,
      supportedParameters: [],
      capabilities: { tools: false, reasoning: false, structuredOutput: false },
      created: null,
    });
  }
  return models;
}

/** Shortens text to at most `max` characters, at a word boundary when one is near, with "…". */
export function truncateDescription(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The built-in simulated models, always available, labelled "(simulated)" by name too. */
export function simModelInfos(): ModelInfo[] {
  return SIM_PERSONAS.map((persona) => {
    const supportedParameters = [
      "max_tokens",
      "temperature",
      "seed",
      "response_format",
      ...(persona.reasons ? ["reasoning"] : []),
    ];
    return {
      id: formatModelId(SIM_PROVIDER, persona.slug),
      upstreamId: persona.slug,
      provider: SIM_PROVIDER,
      vendor: "Quorum",
      name: `${persona.name} (simulated)`,
      description: persona.description,
      simulated: true,
      contextLength: persona.contextLength,
      inputPricePerMTok: persona.inputPricePerMTok,
      outputPricePerMTok: persona.outputPricePerMTok,
      maxCompletionTokens: null,
      supportedParameters,
      capabilities: capabilitiesFrom(supportedParameters),
      created: null,
    };
  });
}

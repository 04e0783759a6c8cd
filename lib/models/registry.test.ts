import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { isQuorumError } from "@/lib/errors";
import type { ResolvedModel as FusionResolvedModel } from "@/lib/fusion";
import { parseEndpointModelList } from "./catalog";
import { OFFLINE_SNAPSHOT } from "./catalog-refresh";
import {
  createModelRegistry,
  type ModelRegistryConfig,
  ModelUnavailableError,
  OPENROUTER_KEY_MISSING,
} from "./registry";

const localModels = parseEndpointModelList("local", { data: [{ id: "llama3.1:8b" }] });
const staleModels = parseEndpointModelList("gone", { data: [{ id: "old" }] });

function registry(overrides: Partial<ModelRegistryConfig> = {}) {
  return createModelRegistry({
    endpoints: [{ name: "local", baseURL: "http://127.0.0.1:11434/v1" }],
    simSpeed: "fast",
    catalog: [...OFFLINE_SNAPSHOT, ...localModels, ...staleModels],
    ...overrides,
  });
}

const openrouter = {
  apiKey: "sk-or-test",
  baseURL: "http://openrouter.test/api/v1",
  appUrl: "http://localhost:3000",
  appTitle: "Quorum",
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Records one HTTP request and answers it with an OpenAI-style SSE stream. */
function sseFetch(chunks: unknown[]) {
  const requests: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    const body = `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("")}data: [DONE]\n\n`;
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  }) as typeof fetch;
  return { requests, fetchImpl };
}

const chunk = (delta: object, extra: object = {}) => ({
  id: "gen-1",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta, finish_reason: null }],
  ...extra,
});
const usage = { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, cost: 0.00011 };
const finalChunk = {
  ...chunk({}),
  choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
  usage,
};

describe("simulated models", () => {
  it("resolve and stream text through the AI SDK", async () => {
    const models = registry();
    expect(models.reachable("sim:atlas")).toEqual({ ok: true });
    const result = streamText({
      model: models.languageModel("sim:atlas"),
      prompt: "Should a small team use SQLite in production?",
      seed: 7,
    });
    let streamed = "";
    for await (const delta of result.textStream) streamed += delta;
    expect(streamed.length).toBeGreaterThan(50);
    expect(await result.text).toBe(streamed);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  it("know their persona prices", () => {
    expect(registry().info("sim:nova")).toMatchObject({
      simulated: true,
      inputPricePerMTok: 0.5,
      outputPricePerMTok: 1.5,
    });
  });

  it("reject unknown slugs", () => {
    const models = registry();
    expect(models.reachable("sim:zeus")).toMatchObject({ ok: false });
    const error = thrown(() => models.languageModel("sim:zeus"));
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ code: "not_found:model", modelId: "sim:zeus" });
  });
});

describe("OpenRouter models", () => {
  it("are unreachable without a key, with a message saying what to do", () => {
    const models = registry();
    const id = "openrouter:anthropic/claude-opus-4.7";
    expect(models.reachable(id)).toEqual({ ok: false, reason: OPENROUTER_KEY_MISSING });
    const error = thrown(() => models.languageModel(id));
    expect(isQuorumError(error)).toBe(true);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toBe(
      "Add an OpenRouter API key (OPENROUTER_API_KEY) to use this model.",
    );
    // The catalog still prices them, so the picker can show what a key would unlock.
    expect(models.info(id)).toMatchObject({ inputPricePerMTok: 5, outputPricePerMTok: 25 });
  });

  it("call OpenRouter with attribution headers, usage accounting, and report cost", async () => {
    const { requests, fetchImpl } = sseFetch([
      chunk({ role: "assistant", content: "Hi" }),
      finalChunk,
    ]);
    const models = registry({ openrouter, fetch: fetchImpl });
    const model = models.languageModel("openrouter:anthropic/claude-opus-4.7");
    expect([model.provider, model.modelId]).toEqual(["openrouter", "anthropic/claude-opus-4.7"]);

    const result = streamText({ model, prompt: "Hello" });
    expect(await result.text).toBe("Hi");
    expect((await result.usage).inputTokens).toBe(12);
    expect((await result.providerMetadata)?.openrouter?.usage).toMatchObject({ cost: 0.00011 });

    const [request] = requests;
    expect(request?.url).toBe("http://openrouter.test/api/v1/chat/completions");
    expect(request?.headers.get("authorization")).toBe("Bearer sk-or-test");
    expect(request?.headers.get("http-referer")).toBe("http://localhost:3000");
    expect(request?.headers.get("x-openrouter-title")).toBe("Quorum");
    expect(request?.headers.get("x-title")).toBe("Quorum");
    const body = await request?.json();
    expect(body).toMatchObject({
      model: "anthropic/claude-opus-4.7",
      usage: { include: true },
      stream_options: { include_usage: true },
    });
  });
});

describe("custom endpoints", () => {
  it("resolve to an OpenAI-compatible model named after the endpoint", async () => {
    const { requests, fetchImpl } = sseFetch([
      chunk({ role: "assistant", content: "Yo" }),
      finalChunk,
    ]);
    const models = registry({
      endpoints: [{ name: "local", baseURL: "http://127.0.0.1:11434/v1", apiKey: "ollama" }],
      fetch: fetchImpl,
    });
    expect(models.reachable("local:llama3.1:8b")).toEqual({ ok: true });
    const model = models.languageModel("local:llama3.1:8b");
    expect([model.provider, model.modelId]).toEqual(["local.chat", "llama3.1:8b"]);

    const result = streamText({ model, prompt: "Hello" });
    expect(await result.text).toBe("Yo");
    expect((await result.usage).outputTokens).toBe(2);
    expect(requests[0]?.url).toBe("http://127.0.0.1:11434/v1/chat/completions");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer ollama");
    expect(await requests[0]?.json()).toMatchObject({ stream_options: { include_usage: true } });
  });

  it("have unknown prices unless the catalog knows them", () => {
    expect(registry().info("local:llama3.1:8b")).toMatchObject({ inputPricePerMTok: null });
    expect(registry().info("local:not-listed")).toBeUndefined();
  });
});

describe("resolve", () => {
  it("hands the fusion engine a model with catalog pricing and reasoning options", () => {
    const models = registry({ openrouter });
    const opus: FusionResolvedModel = models.resolve("openrouter:anthropic/claude-opus-4.7");
    expect(opus.pricing).toEqual({ inputPerMTok: 5, outputPerMTok: 25 });
    expect(opus.providerOptions?.({ reasoningEffort: "high" })).toEqual({
      openrouter: { reasoning: { effort: "high" } },
    });
    expect(opus.providerOptions?.({})).toBeUndefined();

    const plain = models.resolve("openrouter:meta-llama/llama-3.3-70b-instruct:free");
    expect(plain.providerOptions?.({ reasoningEffort: "low" })).toBeUndefined();

    const local = models.resolve("local:llama3.1:8b");
    expect(local.pricing).toEqual({ inputPerMTok: null, outputPerMTok: null });
    expect(local.providerOptions?.({ reasoningEffort: "low" })).toEqual({
      local: { reasoningEffort: "low" },
    });

    expect(models.resolve("local:unlisted").pricing).toBeNull();
    expect(models.resolve("sim:sage").pricing).toEqual({ inputPerMTok: 1.25, outputPerMTok: 5 });
    expect(() => models.resolve("nope")).toThrow(ModelUnavailableError);
  });
});

describe("model ids", () => {
  it.each(["atlas", "sim:", ":atlas", "OpenRouter:x/y", ""])("reject the malformed id %j", (id) => {
    const models = registry();
    const error = thrown(() => models.languageModel(id));
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ code: "bad_request:model" });
    expect((error as Error).message).toContain(`"${id}"`);
    expect((error as Error).message).toContain("provider:model");
    expect(models.reachable(id)).toMatchObject({ ok: false });
  });

  it("reject a provider that is not configured", () => {
    const error = thrown(() => registry().languageModel("vllm:qwen3"));
    expect(error).toMatchObject({ code: "not_found:model" });
    expect((error as Error).message).toMatch(/"vllm:qwen3".*provider:model/);
  });
});

describe("list", () => {
  it("orders simulated, OpenRouter, then endpoint models and hides unconfigured endpoints", () => {
    const list = registry().list();
    const providers = [...new Set(list.map((m) => m.provider))];
    expect(providers).toEqual(["sim", "openrouter", "local"]);
    expect(list[0]?.id).toBe("sim:atlas");
    expect(list.filter((m) => m.provider === "openrouter")).toHaveLength(OFFLINE_SNAPSHOT.length);
    expect(list.some((m) => m.id === "gone:old")).toBe(false);
    expect(registry().info("gone:old")).toBeUndefined();
  });
});

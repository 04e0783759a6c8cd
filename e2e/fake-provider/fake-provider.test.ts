import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { generateText, Output, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisSchema } from "@/lib/fusion/analysis";
import { questionBlock, responseBlocks } from "@/lib/fusion/prompt-format";
import { simulateCompletion, simulatedAnalysis } from "@/lib/models/sim/generator";
import {
  costOf,
  FAST_TIMING,
  type FakeProvider,
  PROCESSING_COMMENT,
  startFakeProvider,
} from "./index";
import { dataLines, drain, rawSse } from "./test-helpers";

const SYSTEM = "You are a helpful panelist.";
const PROMPT = "Should a small team adopt a monorepo?";
const messages = [
  { role: "system" as const, content: SYSTEM },
  { role: "user" as const, content: PROMPT },
];

/** What the generator produces for these messages; the server must put exactly this on the wire. */
function expected(model: string, extra: { seed?: number; temperature?: number } = {}) {
  const c = simulateCompletion({ model, messages, ...extra });
  const outputTokens = c.tokens.length + c.reasoningTokens.length;
  return { ...c, outputTokens, cost: costOf(c.persona, c.inputTokens, outputTokens) };
}

let fake: FakeProvider;
beforeAll(async () => {
  // `ember` is slow so a test can abort it mid-stream; `sage` waits long enough for several
  // keep-alive comments; everything else is fast.
  fake = await startFakeProvider({
    timing: (model) =>
      model === "ember"
        ? { firstTokenMs: 5, tokensPerSecond: 40 }
        : model === "sage"
          ? { firstTokenMs: 250, tokensPerSecond: 2000 }
          : FAST_TIMING,
  });
});
afterAll(() => fake.close());

describe("wire format", () => {
  it("lists the personas at GET /v1/models", async () => {
    const res = await fetch(`${fake.baseURL}/models`);
    const body = (await res.json()) as { data: { id: string; object: string; owned_by: string }[] };
    expect(res.status).toBe(200);
    expect(body.data.map((m) => m.id)).toEqual(
      expect.arrayContaining(["atlas", "nova", "sage", "ember", "arbiter", "weaver", "flaky"]),
    );
    expect(body.data[0]).toMatchObject({ object: "model", owned_by: "quorum-sim" });
  });

  it("sends keep-alive comments before the first token, then chunks, usage with cost, [DONE]", async () => {
    const sse = await rawSse(`${fake.baseURL}/chat/completions`, {
      model: "sim/sage",
      stream: true,
      messages,
    });
    const comments = sse.split("\n").filter((line) => line === PROCESSING_COMMENT);
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(sse.startsWith(PROCESSING_COMMENT)).toBe(true);
    expect(sse.trimEnd().endsWith("data: [DONE]")).toBe(true);
    const chunks = dataLines(sse) as {
      choices: { finish_reason: string | null }[];
      usage?: unknown;
    }[];
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    const e = expected("sage");
    expect(last?.usage).toMatchObject({
      prompt_tokens: e.inputTokens,
      completion_tokens: e.outputTokens,
      completion_tokens_details: { reasoning_tokens: e.reasoningTokens.length },
    });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("without OpenRouter habits: no comments, no cost, reasoning_content, usage only on request", async () => {
    const plain = await startFakeProvider({ openRouterHabits: false });
    try {
      const body = { model: "sage", stream: true, messages };
      const sse = await rawSse(`${plain.baseURL}/chat/completions`, body);
      expect(sse).not.toContain(PROCESSING_COMMENT);
      expect(sse).toContain('"reasoning_content"');
      expect(sse).not.toContain('"usage"');
      const withUsage = await rawSse(`${plain.baseURL}/chat/completions`, {
        ...body,
        stream_options: { include_usage: true },
      });
      const usage = (dataLines(withUsage).at(-1) as { usage: Record<string, unknown> }).usage;
      expect(usage.total_tokens).toBe(expected("sage").inputTokens + expected("sage").outputTokens);
      expect(usage).not.toHaveProperty("cost");
    } finally {
      await plain.close();
    }
  });

  it("reads text-part arrays and stops at max_completion_tokens with finish_reason length", async () => {
    const res = await fetch(`${fake.baseURL}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({
        model: "atlas",
        max_completion_tokens: 5,
        messages: [
          { role: "system", content: [{ type: "text", text: SYSTEM }] },
          { role: "user", content: [{ type: "text", text: PROMPT }] },
        ],
      }),
    });
    const body = (await res.json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    };
    expect(body.choices[0]?.message.content).toBe(expected("atlas").tokens.slice(0, 5).join(""));
    expect(body.choices[0]?.finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBe(5);
  });

  it("answers malformed requests and unknown routes with OpenAI-shaped errors", async () => {
    const bad = await fetch(`${fake.baseURL}/chat/completions`, { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: "invalid_request_error", code: 400 } });
    const missing = await fetch(`${fake.baseURL}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "atlas" }),
    });
    expect(missing.status).toBe(400);
    expect((await fetch(`${fake.url}/v2/whatever`)).status).toBe(404);
  });
});

describe("@openrouter/ai-sdk-provider", () => {
  const openrouter = () => createOpenRouter({ baseURL: fake.baseURL, apiKey: "test" });

  it("streams the simulated text and reasoning, with usage and cost in providerMetadata", async () => {
    const result = streamText({
      model: openrouter()("sim/sage", { usage: { include: true } }),
      system: SYSTEM,
      prompt: PROMPT,
      seed: 7,
      temperature: 0.3,
    });
    const out = await drain(result.fullStream);
    const e = expected("sage", { seed: 7, temperature: 0.3 });
    expect(out.errors).toEqual([]);
    expect(out.text).toBe(e.text);
    expect(out.reasoning).toBe(e.reasoning);
    expect(out.finishReason).toBe("stop");
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(e.inputTokens);
    expect(usage.outputTokens).toBe(e.outputTokens);
    expect(usage.outputTokenDetails.reasoningTokens).toBe(e.reasoningTokens.length);
    const metadata = (await result.providerMetadata) as { openrouter: { usage: { cost: number } } };
    expect(metadata.openrouter.usage.cost).toBeCloseTo(e.cost, 12);
    // The provider sends no stream_options in its default "compatible" mode; usage still arrives.
    const request = fake.requests.at(-1);
    expect(request?.body).toMatchObject({
      model: "sim/sage",
      seed: 7,
      temperature: 0.3,
      stream: true,
    });
    expect(request?.body).not.toHaveProperty("stream_options");
  });

  it("generates without streaming, with the same text and cost", async () => {
    const result = await generateText({
      model: openrouter()("quorum/atlas"),
      system: SYSTEM,
      prompt: PROMPT,
    });
    const e = expected("atlas");
    expect(result.text).toBe(e.text);
    expect(result.usage.outputTokens).toBe(e.outputTokens);
    const metadata = result.providerMetadata as { openrouter: { usage: { cost: number } } };
    expect(metadata.openrouter.usage.cost).toBeCloseTo(e.cost, 12);
  });
});

describe("@ai-sdk/openai-compatible", () => {
  const local = () =>
    createOpenAICompatible({
      name: "local",
      baseURL: fake.baseURL,
      apiKey: "test",
      supportsStructuredOutputs: true,
      includeUsage: true,
    });

  it("streams the simulated text with usage", async () => {
    const result = streamText({ model: local()("nova"), system: SYSTEM, prompt: PROMPT });
    const out = await drain(result.fullStream);
    const e = expected("nova");
    expect(out.errors).toEqual([]);
    expect(out.text).toBe(e.text);
    expect((await result.usage).outputTokens).toBe(e.outputTokens);
    expect(fake.requests.at(-1)?.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it("returns a schema-valid analysis for a json_schema response_format", async () => {
    const panel = ["atlas", "nova"].map((model, i) => ({
      label: String.fromCharCode(65 + i),
      text: simulateCompletion({ model, messages: [{ role: "user", content: PROMPT }] }).text,
    }));
    const prompt = `${questionBlock(PROMPT)}\n\n${responseBlocks(panel)}`;
    const result = await generateText({
      model: local()("arbiter"),
      prompt,
      temperature: 0,
      output: Output.object({ schema: analysisSchema }),
    });
    expect(analysisSchema.parse(result.output)).toEqual(simulatedAnalysis(PROMPT, panel));
    expect(result.output.consensus.length + result.output.contradictions.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)?.body).toMatchObject({
      response_format: { type: "json_schema", json_schema: { name: "response" } },
    });
  });
});

describe("client disconnect", () => {
  it("stops generating and records closedByClient when a stream is aborted", async () => {
    const controller = new AbortController();
    const result = streamText({
      model: createOpenRouter({ baseURL: fake.baseURL, apiKey: "test" })("ember"),
      prompt: PROMPT,
      abortSignal: controller.signal,
    });
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        controller.abort();
        break;
      }
    }
    const closed = await fake.waitForClosedConnection(2000);
    expect(closed).toMatchObject({ model: "ember", closedByClient: true, status: 200 });
    expect(closed.finishedAt).not.toBeNull();
    // Pacing stopped with the connection: no chunk is produced after the close.
    const chunksAtClose = closed.chunks;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(closed.chunks).toBe(chunksAtClose);
    expect(chunksAtClose).toBeLessThan(expected("ember").tokens.length);
    // Nothing else was abandoned.
    await expect(fake.waitForClosedConnection(50)).rejects.toThrow(/No client closed/);
  });

  it("records an abandoned non-streaming call as well", async () => {
    const controller = new AbortController();
    const call = generateText({
      model: createOpenRouter({ baseURL: fake.baseURL, apiKey: "test" })("ember"),
      prompt: PROMPT,
      abortSignal: controller.signal,
      maxRetries: 0,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toThrow();
    const closed = await fake.waitForClosedConnection(2000);
    expect(closed).toMatchObject({ model: "ember", closedByClient: true, status: null });
  });
});

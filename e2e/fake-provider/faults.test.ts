import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import {
  APICallError,
  generateText,
  type LanguageModel,
  NoObjectGeneratedError,
  Output,
  streamText,
} from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { analysisSchema } from "@/lib/fusion/analysis";
import { SIM_FAILURE_MESSAGE, simulateCompletion } from "@/lib/models/sim/generator";
import { type FakeProvider, INJECTED_ERROR_MESSAGE, startFakeProvider } from "./index";
import { drain, messageOf } from "./test-helpers";

const PROMPT = "What should I know before buying solar panels?";

let fake: FakeProvider;
beforeAll(async () => {
  // Slow enough that every answer spans several chunks, fast enough to keep tests quick.
  fake = await startFakeProvider({ timing: { firstTokenMs: 5, tokensPerSecond: 600 } });
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

const openrouter = () => createOpenRouter({ baseURL: fake.baseURL, apiKey: "test" });
const local = () =>
  createOpenAICompatible({
    name: "local",
    baseURL: fake.baseURL,
    apiKey: "test",
    supportsStructuredOutputs: true,
    includeUsage: true,
  });

/** A stream's parts, with the SDK's default console logging of errors silenced (they are asserted). */
function parts(model: LanguageModel) {
  return streamText({ model, prompt: PROMPT, onError: () => {} }).fullStream;
}

async function callError(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("status faults", () => {
  it("surfaces a 429 with Retry-After as a retryable APICallError", async () => {
    fake.inject({ kind: "status", status: 429, retryAfterSeconds: 7 });
    const error = await callError(() =>
      generateText({ model: local()("atlas"), prompt: PROMPT, maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.responseHeaders?.["retry-after"]).toBe("7");
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.message).toMatch(/rate limit/i);
  });

  it("surfaces a 500 through streamText's onError (the text promise rejects without it)", async () => {
    fake.inject({ kind: "status", status: 500 });
    const errors: unknown[] = [];
    const result = streamText({
      model: openrouter()("atlas"),
      prompt: PROMPT,
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await expect(result.text).rejects.toThrow();
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).statusCode).toBe(500);
  });

  it("lets the SDK's own retry ride over a 429 and targets faults by model and times", async () => {
    fake.inject({ kind: "status", status: 503, model: "sim/nova", times: 2 });
    fake.inject({ kind: "status", status: 429, retryAfterSeconds: 0 });
    const before = fake.requests.length;
    // atlas skips the nova-only fault and takes the 429; the SDK retries and succeeds.
    const atlas = await generateText({ model: local()("atlas"), prompt: PROMPT, maxRetries: 1 });
    expect(atlas.text.length).toBeGreaterThan(0);
    const statuses = async () => {
      const error = await callError(() =>
        generateText({ model: local()("nova"), prompt: PROMPT, maxRetries: 0 }),
      );
      return (error as APICallError).statusCode;
    };
    expect([await statuses(), await statuses()]).toEqual([503, 503]);
    await expect(
      generateText({ model: local()("nova"), prompt: PROMPT, maxRetries: 0 }),
    ).resolves.toBeTruthy();
    expect(fake.requests.slice(before).map((r) => r.fault)).toEqual([
      "status",
      null,
      "status",
      "status",
      null,
    ]);
  });

  it("holds the first byte back for a delay fault", async () => {
    fake.inject({ kind: "delay", ms: 300 });
    const started = performance.now();
    await generateText({ model: local()("atlas"), prompt: PROMPT });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("mid-stream faults", () => {
  it("drop: OpenRouter turns the broken socket into an error part", async () => {
    fake.inject({ kind: "drop", afterChunks: 2 });
    const out = await drain(parts(openrouter()("atlas")));
    expect(out.thrown).toBeUndefined();
    expect(out.errors).toHaveLength(1);
    expect(messageOf(out.errors[0])).toMatch(/terminated/);
    expect(out.finishReason).toBe("error");
    expect(out.text.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)).toMatchObject({ fault: "drop", chunks: 2, closedByClient: false });
  });

  it("drop: openai-compatible errors the stream itself", async () => {
    fake.inject({ kind: "drop", afterChunks: 1 });
    const out = await drain(parts(local()("atlas")));
    const failure = out.thrown ?? out.errors[0];
    expect(failure).toBeDefined();
    expect(APICallError.isInstance(failure)).toBe(true);
    expect(messageOf((failure as APICallError).cause)).toMatch(/terminated/);
  });

  it.each([
    ["OpenRouter", () => openrouter()("atlas")],
    ["openai-compatible", () => local()("atlas")],
  ])("error-event: %s yields an error part carrying the message", async (_name, model) => {
    fake.inject({ kind: "error-event", afterChunks: 2, message: "upstream went away" });
    const out = await drain(parts(model()));
    expect(out.thrown).toBeUndefined();
    expect(out.errors.map(messageOf)).toEqual(["upstream went away"]);
    expect(out.finishReason).toBe("error");
    expect(out.text.length).toBeGreaterThan(0);
  });

  it("the flaky persona streams failAfterTokens tokens, then an error event", async () => {
    const c = simulateCompletion({ model: "flaky", messages: [{ role: "user", content: PROMPT }] });
    const out = await drain(parts(openrouter()("sim/flaky")));
    expect(out.text).toBe(c.tokens.slice(0, c.failAfterTokens ?? 0).join(""));
    expect(out.errors.map(messageOf)).toEqual([SIM_FAILURE_MESSAGE]);
    expect(out.finishReason).toBe("error");
  });

  it("the flaky persona fails a non-streaming call too", async () => {
    const error = await callError(() =>
      generateText({ model: openrouter()("flaky"), prompt: PROMPT, maxRetries: 0 }),
    );
    expect(messageOf(error)).toBe(SIM_FAILURE_MESSAGE);
  });

  it("an error-event fault with no message uses the default one", async () => {
    fake.inject({ kind: "error-event", afterChunks: 0 });
    const out = await drain(parts(local()("nova")));
    expect(out.errors.map(messageOf)).toEqual([INJECTED_ERROR_MESSAGE]);
    expect(out.text).toBe("");
  });
});

describe("structured-output faults", () => {
  const judge = (model = "arbiter") =>
    generateText({
      model: local()(model),
      prompt: PROMPT,
      output: Output.object({ schema: analysisSchema }),
    });

  it("invalid-json makes the judge's output unparseable once; the retry gets valid JSON", async () => {
    fake.inject({ kind: "invalid-json" });
    const error = await callError(() => judge());
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    expect(() => JSON.parse((error as NoObjectGeneratedError).text ?? "")).toThrow();
    const repaired = await judge();
    expect(analysisSchema.safeParse(repaired.output).success).toBe(true);
  });

  it("schema-mismatch returns JSON that fails the analysis schema", async () => {
    fake.inject({ kind: "schema-mismatch" });
    const error = await callError(() => judge());
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    const text = (error as NoObjectGeneratedError).text ?? "";
    expect(analysisSchema.safeParse(JSON.parse(text)).success).toBe(false);
  });

  it("JSON faults leave plain-text requests alone and wait for a structured one", async () => {
    fake.inject({ kind: "invalid-json" });
    const panelist = await generateText({ model: local()("atlas"), prompt: PROMPT });
    expect(panelist.text).toBe(
      simulateCompletion({ model: "atlas", messages: [{ role: "user", content: PROMPT }] }).text,
    );
    await expect(judge()).rejects.toThrow(NoObjectGeneratedError);
  });
});

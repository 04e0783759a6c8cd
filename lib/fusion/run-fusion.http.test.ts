import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { costOf, type FakeProvider, startFakeProvider } from "@/e2e/fake-provider";
import { personaFor } from "@/lib/models/sim/generator";
import type { FusionEvent } from "./events";
import type { Clock, ModelResolver } from "./model-call";
import { runFusion } from "./run-fusion";

/**
 * The engine over real HTTP and SSE: OpenRouter's provider for `openrouter:*`, the
 * OpenAI-compatible provider for `local:*`, both pointed at the fake server.
 */
let fake: FakeProvider;

beforeAll(async () => {
  fake = await startFakeProvider({
    timing: (model) =>
      model === "sage"
        ? { firstTokenMs: 30, tokensPerSecond: 60 } // slow enough to abort mid-stream
        : { firstTokenMs: 5, tokensPerSecond: 3000 },
  });
});
afterAll(() => fake.close());
afterEach(() => fake.clearFaults());

function resolver(): ModelResolver {
  const openrouter = createOpenRouter({ baseURL: fake.baseURL, apiKey: "test-key" });
  const local = createOpenAICompatible({
    name: "local",
    baseURL: fake.baseURL,
    apiKey: "test-key",
    supportsStructuredOutputs: true,
    includeUsage: true,
  });
  return (id) => {
    const [provider, model = ""] = id.split(":");
    const persona = personaFor(model);
    const pricing = {
      inputPerMTok: persona.inputPricePerMTok,
      outputPerMTok: persona.outputPricePerMTok,
    };
    if (provider === "openrouter") return { model: openrouter.chat(model), pricing };
    if (provider === "local") return { model: local.chatModel(model), pricing };
    throw new Error(`Unknown provider in "${id}".`);
  };
}

const question = [{ role: "user", content: "What makes a good code review?" }];

function input(panel: string[], judge = "local:arbiter", synthesizer = "openrouter:weaver") {
  return {
    panel: panel.map((model) => ({ model })),
    judge: { model: judge },
    synthesizer: { model: synthesizer },
    messages: question,
  };
}

/** Real sleeps, recorded, so a test can check what the engine chose to wait. */
function recordingClock(waits: number[]): Partial<Clock> {
  return {
    sleep: (ms, signal) => {
      waits.push(ms);
      return new Promise((resolve, reject) => {
        const t = setTimeout(resolve, ms);
        signal.addEventListener("abort", () => {
          clearTimeout(t);
          reject(signal.reason);
        });
      });
    },
  };
}

describe("runFusion over HTTP", () => {
  it("uses the provider-reported cost from OpenRouter and catalog prices elsewhere", async () => {
    const result = await runFusion(input(["openrouter:atlas", "local:nova"]), {
      resolve: resolver(),
    });
    expect(result.status).toBe("done");
    const [atlas, nova] = result.panelists;
    expect(atlas?.costSource).toBe("provider");
    expect(atlas?.costMicroUsd).toBe(
      Math.round(
        costOf(personaFor("atlas"), atlas?.inputTokens ?? 0, atlas?.outputTokens ?? 0) * 1e6,
      ),
    );
    expect(nova?.costSource).toBe("catalog");
    expect(result.totals.costMicroUsd).toBe(
      [...result.panelists, result.judge, result.synthesizer].reduce(
        (n, c) => n + (c?.costMicroUsd ?? 0),
        0,
      ),
    );
  });

  it("retries a 429 before the first token, waiting what Retry-After asked", async () => {
    fake.inject({ kind: "status", status: 429, retryAfterSeconds: 1, model: "atlas" });
    const waits: number[] = [];
    const events: FusionEvent[] = [];
    const result = await runFusion(
      input(["openrouter:atlas", "openrouter:nova"]),
      { resolve: resolver(), clock: recordingClock(waits) },
      { emit: (e) => events.push(e) },
    );
    expect(result.status).toBe("done");
    expect(result.panelists[0]?.attempts).toBe(2);
    expect(result.panelists[1]?.attempts).toBe(1);
    expect(waits).toEqual([1000]);
    expect(result.panelists[0]?.latencyMs).toBeGreaterThanOrEqual(1000);
    const starts = events.filter((e) => e.type === "panelist.started" && e.index === 0);
    expect(starts.map((e) => (e.type === "panelist.started" ? e.attempt : 0))).toEqual([1, 2]);
  });

  it("gives up after the retry budget and reports rate limiting", async () => {
    fake.inject({ kind: "status", status: 429, retryAfterSeconds: 0, times: 5 });
    const result = await runFusion(
      { ...input(["openrouter:atlas"]), settings: { maxRetries: 1 } },
      { resolve: resolver() },
    );
    expect(result.status).toBe("failed");
    expect(result.failureReason).toBe("rate_limited");
    expect(result.panelists[0]?.attempts).toBe(2);
    expect(result.panelists[0]?.error).toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("retries a 500 and a dropped connection before the first token", async () => {
    fake.inject({ kind: "status", status: 500, model: "atlas" });
    fake.inject({ kind: "drop", afterChunks: 0, model: "nova" });
    const waits: number[] = [];
    const result = await runFusion(input(["openrouter:atlas", "local:nova"]), {
      resolve: resolver(),
      clock: recordingClock(waits),
      retry: { baseDelayMs: 10 },
    });
    expect(result.status).toBe("done");
    expect(result.panelists.map((c) => c.attempts)).toEqual([2, 2]);
  });

  it("does not retry once text has streamed: the panelist fails, the run goes on", async () => {
    fake.inject({
      kind: "error-event",
      afterChunks: 2,
      model: "atlas",
      message: "upstream overloaded",
    });
    const result = await runFusion(input(["openrouter:atlas", "openrouter:nova"]), {
      resolve: resolver(),
    });
    expect(result.status).toBe("degraded");
    expect(result.failedModels).toEqual(["openrouter:atlas"]);
    expect(result.panelists[0]?.attempts).toBe(1);
    expect(result.panelists[0]?.error?.message).toContain("upstream overloaded");
    expect(result.panelists[0]?.text.length).toBeGreaterThan(0);
  });

  it("aborting mid-stream closes the upstream connection and cancels the run", async () => {
    const controller = new AbortController();
    const running = runFusion(
      input(["openrouter:sage", "local:sage"]),
      { resolve: resolver() },
      {
        signal: controller.signal,
        emit: (e) => {
          if (e.type === "panelist.delta" && e.channel === "text" && !controller.signal.aborted)
            controller.abort();
        },
      },
    );
    const closed = [await fake.waitForClosedConnection(), await fake.waitForClosedConnection()];
    const result = await running;
    expect(closed.every((r) => r.closedByClient)).toBe(true);
    expect(result.status).toBe("cancelled");
    expect(result.panelists.map((c) => c.status)).toEqual(["cancelled", "cancelled"]);
    expect(result.judge).toBeNull();
  });

  it("repairs a judge reply that is not valid JSON", async () => {
    fake.inject({ kind: "invalid-json" });
    const result = await runFusion(input(["openrouter:atlas", "openrouter:nova"]), {
      resolve: resolver(),
    });
    expect(result.status).toBe("done");
    expect(result.judge?.attempts).toBe(2);
    expect(result.analysis?.consensus).toBeDefined();
    const judgeRequests = fake.requests.filter((r) => r.model === "arbiter").slice(-2);
    const repair = judgeRequests[1]?.body as { messages: { role: string; content: unknown }[] };
    expect(repair.messages.some((m) => m.role === "assistant")).toBe(true);
  });

  it("goes on without an analysis when the repair also fails, marking the run degraded", async () => {
    fake.inject({ kind: "invalid-json", times: 2 });
    const events: FusionEvent[] = [];
    const result = await runFusion(
      input(["openrouter:atlas", "openrouter:nova"]),
      { resolve: resolver() },
      { emit: (e) => events.push(e) },
    );
    expect(result.status).toBe("degraded");
    expect(result.degradedReasons).toEqual(["judge_not_valid_json"]);
    expect(result.analysis).toBeNull();
    expect(result.judge?.status).toBe("failed");
    expect(result.judge?.costMicroUsd).toBeGreaterThan(0); // both attempts are paid for
    expect(
      events.some((e) => e.type === "judge.failed" && e.reason === "judge_not_valid_json"),
    ).toBe(true);
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it("names a schema mismatch when the judge's JSON has the wrong shape twice", async () => {
    fake.inject({ kind: "schema-mismatch", times: 2 });
    const result = await runFusion(input(["openrouter:atlas"]), { resolve: resolver() });
    expect(result.status).toBe("degraded");
    expect(result.degradedReasons).toEqual(["judge_schema_mismatch"]);
  });
});

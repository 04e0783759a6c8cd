import { describe, expect, it } from "vitest";
import { personaFor, simulateCompletion } from "@/lib/models/sim/generator";
import { simResolver } from "@/lib/testing/sim";
import { analysisSchema } from "./analysis";
import type { FusionEvent } from "./events";
import { FusionInputError } from "./input";
import { runFusion } from "./run-fusion";

const PROMPT = "How should a small team choose a database for a new web app?";

function input(panel: string[], extra: Record<string, unknown> = {}) {
  return {
    panel: panel.map((model) => ({ model })),
    judge: { model: "sim:arbiter" },
    synthesizer: { model: "sim:weaver" },
    messages: [{ role: "user", content: PROMPT }],
    ...extra,
  };
}

function collect() {
  const events: FusionEvent[] = [];
  return { events, emit: (e: FusionEvent) => events.push(e) };
}

describe("runFusion", () => {
  it("runs panelists in parallel: the panel phase takes about the slowest panelist, not the sum", async () => {
    const timings = {
      "sim:atlas": { firstTokenMs: 300, tokensPerSecond: 4000 },
      "sim:nova": { firstTokenMs: 300, tokensPerSecond: 4000 },
      "sim:sage": { firstTokenMs: 300, tokensPerSecond: 4000 },
      "sim:ember": { firstTokenMs: 300, tokensPerSecond: 4000 },
    };
    const { events, emit } = collect();
    const result = await runFusion(
      input(["sim:atlas", "sim:nova", "sim:sage", "sim:ember"]),
      { resolve: simResolver({ timings }) },
      { emit },
    );
    expect(result.status).toBe("done");
    const started = events.find((e) => e.type === "run.started");
    const judging = events.find((e) => e.type === "judge.started");
    if (started?.type !== "run.started" || judging?.type !== "judge.started")
      throw new Error("missing events");
    const panelPhase = judging.at - started.at;
    const slowest = Math.max(...result.panelists.map((c) => c.latencyMs));
    const sum = result.panelists.reduce((n, c) => n + c.latencyMs, 0);
    expect(slowest).toBeGreaterThanOrEqual(300);
    expect(panelPhase).toBeGreaterThanOrEqual(slowest);
    expect(panelPhase).toBeLessThan(sum / 2);
  });

  it("produces a full result whose events tell the same story", async () => {
    const { events, emit } = collect();
    const result = await runFusion(
      input(["sim:atlas", "sim:nova", "sim:sage"]),
      { resolve: simResolver() },
      { emit },
    );
    expect(result.status).toBe("done");
    expect(events[0]?.type).toBe("run.started");
    expect(events.at(-1)?.type).toBe("run.finished");
    for (const call of result.panelists) {
      const streamed = events
        .filter(
          (e) => e.type === "panelist.delta" && e.index === call.index && e.channel === "text",
        )
        .map((e) => (e.type === "panelist.delta" ? e.delta : ""))
        .join("");
      expect(streamed).toBe(call.text);
      expect(call.text).toBe(
        simulateCompletion({
          model: call.model,
          messages: [{ role: "user", content: PROMPT }],
          temperature: 0.7,
        }).text,
      );
      expect(call.ttftMs).not.toBeNull();
    }
    // Sage thinks before answering; its reasoning is streamed and counted.
    expect(result.panelists[2]?.reasoning.length).toBeGreaterThan(0);
    expect(result.panelists[2]?.reasoningTokens).toBeGreaterThan(0);
    expect(analysisSchema.safeParse(result.analysis).success).toBe(true);
    expect(Object.keys(result.labelMap).sort()).toEqual(["A", "B", "C"]);
    expect(Object.values(result.labelMap).sort()).toEqual([0, 1, 2]);
    const synthText = events
      .filter((e) => e.type === "synth.delta")
      .map((e) => (e.type === "synth.delta" ? e.delta : ""))
      .join("");
    expect(synthText).toBe(result.answer);
    expect(result.answer).toContain("combined answer");
  });

  it("sums costs: each call is tokens × list price, the run is the sum of its calls", async () => {
    const result = await runFusion(input(["sim:atlas", "sim:nova"]), { resolve: simResolver() });
    const calls = [...result.panelists, result.judge, result.synthesizer];
    let sum = 0;
    for (const call of calls) {
      if (!call) throw new Error("missing call");
      const persona = personaFor(call.model);
      expect(call.costSource).toBe("catalog");
      expect(call.costMicroUsd).toBe(
        Math.round(
          call.inputTokens * persona.inputPricePerMTok +
            call.outputTokens * persona.outputPricePerMTok,
        ),
      );
      expect(call.costMicroUsd).toBeGreaterThan(0);
      sum += call.costMicroUsd ?? 0;
    }
    expect(result.totals.costMicroUsd).toBe(sum);
    expect(result.totals.unpricedCalls).toBe(0);
    expect(result.totals.inputTokens).toBe(calls.reduce((n, c) => n + (c?.inputTokens ?? 0), 0));
    expect(result.totals.outputTokens).toBe(calls.reduce((n, c) => n + (c?.outputTokens ?? 0), 0));
  });

  it("goes on when some panelists fail and records the failed models", async () => {
    const { events, emit } = collect();
    const result = await runFusion(
      input(["sim:atlas", "sim:flaky", "sim:nova"]),
      { resolve: simResolver() },
      { emit },
    );
    expect(result.status).toBe("degraded");
    expect(result.failedModels).toEqual(["sim:flaky"]);
    const flaky = result.panelists[1];
    expect(flaky?.status).toBe("failed");
    expect(flaky?.error?.message).toMatch(/Simulated upstream failure/);
    expect(flaky?.text.length).toBeGreaterThan(0); // partial text is kept
    expect(events.some((e) => e.type === "panelist.failed" && e.index === 1)).toBe(true);
    expect(Object.keys(result.labelMap)).toHaveLength(2);
    expect(result.answer.length).toBeGreaterThan(0);
    const finished = events.at(-1);
    expect(finished?.type === "run.finished" && finished.failedModels).toEqual(["sim:flaky"]);
  });

  it("fails with all_panels_failed when every panelist fails, without calling the judge", async () => {
    const { events, emit } = collect();
    const result = await runFusion(
      input(["sim:flaky", "sim:flaky"]),
      { resolve: simResolver() },
      { emit },
    );
    expect(result.status).toBe("failed");
    expect(result.failureReason).toBe("all_panels_failed");
    expect(result.judge).toBeNull();
    expect(events.some((e) => e.type === "judge.started")).toBe(false);
    const last = events.at(-1);
    expect(last?.type).toBe("run.failed");
    expect(last?.type === "run.failed" && last.reason).toBe("all_panels_failed");
  });

  it("cancels every call when aborted mid-stream and keeps the partial text", async () => {
    const controller = new AbortController();
    const slow = { firstTokenMs: 20, tokensPerSecond: 40 };
    const { events, emit } = collect();
    const running = runFusion(
      input(["sim:atlas", "sim:nova"]),
      { resolve: simResolver({ timings: { "sim:atlas": slow, "sim:nova": slow } }) },
      {
        signal: controller.signal,
        emit: (e) => {
          emit(e);
          if (e.type === "panelist.delta" && e.index === 1 && !controller.signal.aborted) {
            setTimeout(() => controller.abort(), 100);
          }
        },
      },
    );
    const result = await running;
    expect(result.status).toBe("cancelled");
    expect(result.panelists.map((c) => c.status)).toEqual(["cancelled", "cancelled"]);
    expect(result.panelists[1]?.text.length).toBeGreaterThan(0);
    expect(result.judge).toBeNull();
    expect(events.at(-1)?.type).toBe("run.cancelled");
  });

  it("reports a judge cut short by cancel, with what it cost so far", async () => {
    const controller = new AbortController();
    const { events, emit } = collect();
    const result = await runFusion(
      input(["sim:atlas", "sim:nova"]),
      {
        resolve: simResolver({
          timings: { "sim:arbiter": { firstTokenMs: 5, tokensPerSecond: 50 } },
        }),
      },
      {
        signal: controller.signal,
        emit: (e) => {
          emit(e);
          if (e.type === "judge.started") setTimeout(() => controller.abort(), 150);
        },
      },
    );
    expect(result.status).toBe("cancelled");
    expect(result.judge?.status).toBe("cancelled");
    expect(events.some((e) => e.type === "judge.failed")).toBe(false);
    const last = events.at(-1);
    if (last?.type !== "run.cancelled") throw new Error("expected run.cancelled last");
    expect(last.calls).toEqual([result.judge]);
    expect(result.judge?.costMicroUsd).toBeGreaterThan(0);
    expect(last.totals.costMicroUsd).toBe(
      [...result.panelists, result.judge].reduce((n, c) => n + (c?.costMicroUsd ?? 0), 0),
    );
  });

  it("continues the conversation: panelists see earlier prompts and answers", async () => {
    const result = await runFusion(
      {
        ...input(["sim:atlas"]),
        messages: [
          { role: "user", content: PROMPT },
          { role: "assistant", content: "Use SQLite until it hurts." },
          { role: "user", content: "And when does it start to hurt?" },
        ],
      },
      { resolve: simResolver() },
    );
    expect(result.panelists[0]?.text).toContain("Building on what we discussed earlier");
  });

  it("rejects bad input with a typed error naming the field", async () => {
    const resolve = simResolver();
    const cases: [unknown, string][] = [
      [input(Array.from({ length: 9 }, () => "sim:atlas")), "panel"],
      [input([]), "panel"],
      [input(["sim:atlas"], { settings: { temperature: 3 } }), "settings.temperature"],
      [input(["atlas"]), "panel.0.model"],
      [input(["sim:atlas", "nowhere:model"]), "panel.1.model"],
      [{ ...input(["sim:atlas"]), judge: { model: "nowhere:judge" } }, "judge.model"],
      [{ ...input(["sim:atlas"]), messages: [{ role: "assistant", content: "hi" }] }, "messages"],
    ];
    for (const [bad, field] of cases) {
      const error = await runFusion(bad, { resolve }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FusionInputError);
      expect((error as FusionInputError).field).toBe(field);
    }
  });

  it("is deterministic for a given prompt and seed, and a self-panel gives two different samples", async () => {
    const a = await runFusion(input(["sim:atlas", "sim:atlas"], { settings: { seed: 7 } }), {
      resolve: simResolver(),
    });
    const b = await runFusion(input(["sim:atlas", "sim:atlas"], { settings: { seed: 7 } }), {
      resolve: simResolver(),
    });
    expect(a.answer).toBe(b.answer);
    expect(a.labelMap).toEqual(b.labelMap);
    expect(a.panelists[0]?.text).not.toBe(a.panelists[1]?.text);
  });
});

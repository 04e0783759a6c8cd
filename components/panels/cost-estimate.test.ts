import { describe, expect, it } from "vitest";
import { DEFAULT_JUDGE_INSTRUCTIONS, DEFAULT_SYNTHESIZER_INSTRUCTIONS } from "@/lib/fusion/prompts";
import { byIdOf, modelOption } from "@/lib/testing/model-options";
import { ASSUMED, approxTokens, estimateRun, formatUsd } from "./cost-estimate";

// $1/M input, $2/M output for every model unless said otherwise.
const byId = byIdOf([
  modelOption("sim:a"),
  modelOption("sim:b"),
  modelOption("sim:free", { inputPricePerMTok: 0, outputPricePerMTok: 0 }),
  modelOption("x:unpriced", { inputPricePerMTok: null, outputPricePerMTok: null }),
]);
const cost = (input: number, output: number) => (input * 1 + output * 2) / 1e6;
const { promptTokens: P, answerTokens: A, analysisTokens: J } = ASSUMED;
const judgeText = approxTokens(DEFAULT_JUDGE_INSTRUCTIONS);
const synthText = approxTokens(DEFAULT_SYNTHESIZER_INSTRUCTIONS);

describe("estimated cost per run", () => {
  it("adds the panel, a judge reading every answer and a synthesizer reading them too", () => {
    const estimate = estimateRun(
      {
        panel: [{ model: "sim:a" }, { model: "sim:b" }],
        judge: { model: "sim:a" },
        synthesizer: { model: "sim:b" },
      },
      byId,
    );
    expect(estimate.lines.map((l) => [l.role, l.inputTokens, l.outputTokens])).toEqual([
      ["panelist", P, A],
      ["panelist", P, A],
      ["judge", judgeText + P + 2 * A, J],
      ["synthesizer", synthText + P + 2 * A + J, A],
    ]);
    expect(estimate.usd).toBeCloseTo(
      2 * cost(P, A) + cost(judgeText + P + 2 * A, J) + cost(synthText + P + 2 * A + J, A),
      12,
    );
    expect(estimate.unpriced).toEqual([]);
  });

  it("grows faster than the panel: the judge and synthesizer read more", () => {
    const run = (n: number) =>
      estimateRun(
        {
          panel: Array.from({ length: n }, () => ({ model: "sim:a" })),
          judge: { model: "sim:a" },
          synthesizer: { model: "sim:a" },
        },
        byId,
      ).usd ?? 0;
    // Seven more panelists, and the judge and the synthesizer each read seven more answers.
    expect(run(8) - run(1)).toBeCloseTo(7 * cost(P, A) + 2 * 7 * cost(A, 0), 12);
  });

  it("counts personas, custom instructions and token caps", () => {
    const estimate = estimateRun(
      {
        panel: [{ model: "sim:a", systemPrompt: "x".repeat(400), maxCompletionTokens: 100 }],
        judge: { model: "sim:a", instructions: "y".repeat(40) },
        synthesizer: { model: null },
        settings: { maxCompletionTokens: 300 },
      },
      byId,
    );
    expect(estimate.lines.map((l) => [l.role, l.inputTokens, l.outputTokens])).toEqual([
      ["panelist", P + 100, 100],
      ["judge", 10 + P + 100, J],
    ]);
  });

  it("is unknown when a price is, and says which model", () => {
    const estimate = estimateRun(
      {
        panel: [{ model: "x:unpriced" }, { model: "sim:free" }],
        judge: { model: "sim:free" },
        synthesizer: { model: "sim:free" },
      },
      byId,
    );
    expect(estimate.usd).toBeNull();
    expect(estimate.unpriced).toEqual(["x:unpriced"]);
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.0312)).toBe("$0.031");
  });
});

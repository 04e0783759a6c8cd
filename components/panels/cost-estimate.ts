/**
 * Estimated cost of one run, from catalog list prices and a typical prompt and answer length.
 * Only a hint (real runs are billed from actual tokens), so the assumption is always shown
 * beside the number. The judge and the synthesizer read every panelist's answer, so their input,
 * and the run's cost, grows with the size of the panel.
 */
import { DEFAULT_JUDGE_INSTRUCTIONS, DEFAULT_SYNTHESIZER_INSTRUCTIONS } from "@/lib/fusion/prompts";
import type { ModelOption } from "@/lib/models/model-option";

export const ASSUMED = {
  promptTokens: 500,
  answerTokens: 800,
  /** The judge's structured analysis. */
  analysisTokens: 600,
} as const;

export const ESTIMATE_ASSUMPTION = `estimated for a ${ASSUMED.promptTokens}-token prompt and ${ASSUMED.answerTokens}-token answers at list prices; the judge and synthesizer read every answer, so their share grows with the panel`;

/** What the estimate reads of a panel: a config or a builder draft (empty roles skipped). */
export type EstimateInput = {
  panel: readonly { model: string; systemPrompt?: string; maxCompletionTokens?: number }[];
  judge: { model: string | null; instructions?: string };
  synthesizer: { model: string | null; instructions?: string };
  settings?: { maxCompletionTokens?: number };
};

export type CostLine = {
  role: "panelist" | "judge" | "synthesizer";
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Null when the model's price is unknown. */
  usd: number | null;
};

export type RunEstimate = {
  /** Sum of the lines; null when any line's price is unknown, or there is nothing to price. */
  usd: number | null;
  lines: CostLine[];
  /** Names of the models without a known price. */
  unpriced: string[];
};

/** Roughly four characters per token, the usual rule of thumb for English. */
export function approxTokens(text: string | undefined): number {
  return text ? Math.ceil(text.length / 4) : 0;
}

export function estimateRun(
  panel: EstimateInput,
  byId: ReadonlyMap<string, ModelOption>,
): RunEstimate {
  const cap = panel.settings?.maxCompletionTokens;
  const lines: CostLine[] = [];
  const line = (role: CostLine["role"], model: string, input: number, output: number) => {
    const m = byId.get(model);
    const usd =
      m && m.inputPricePerMTok !== null && m.outputPricePerMTok !== null
        ? (input * m.inputPricePerMTok + output * m.outputPricePerMTok) / 1e6
        : null;
    lines.push({ role, model, inputTokens: input, outputTokens: output, usd });
  };

  let answers = 0;
  for (const p of panel.panel) {
    const output = Math.min(ASSUMED.answerTokens, p.maxCompletionTokens ?? cap ?? Infinity);
    answers += output;
    line("panelist", p.model, ASSUMED.promptTokens + approxTokens(p.systemPrompt), output);
  }
  if (panel.judge.model !== null) {
    const instructions = approxTokens(panel.judge.instructions || DEFAULT_JUDGE_INSTRUCTIONS);
    line(
      "judge",
      panel.judge.model,
      instructions + ASSUMED.promptTokens + answers,
      ASSUMED.analysisTokens,
    );
  }
  if (panel.synthesizer.model !== null) {
    const instructions = approxTokens(
      panel.synthesizer.instructions || DEFAULT_SYNTHESIZER_INSTRUCTIONS,
    );
    line(
      "synthesizer",
      panel.synthesizer.model,
      instructions + ASSUMED.promptTokens + answers + ASSUMED.analysisTokens,
      Math.min(ASSUMED.answerTokens, cap ?? Infinity),
    );
  }
  const unpriced = [
    ...new Set(lines.filter((l) => l.usd === null).map((l) => byId.get(l.model)?.name ?? l.model)),
  ];
  const usd =
    unpriced.length > 0 || lines.length === 0
      ? null
      : lines.reduce((sum, l) => sum + (l.usd ?? 0), 0);
  return { usd, lines, unpriced };
}

const usdFormat = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumSignificantDigits: 2,
});

/** "$0.031", "$0.00012", "$0.00" for free. */
export function formatUsd(usd: number): string {
  return usd === 0 ? "$0.00" : usdFormat.format(usd);
}

export function formatMicroUsd(micro: number): string {
  return formatUsd(micro / 1e6);
}

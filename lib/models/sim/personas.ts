/**
 * The simulated models. They run in-process, need no key and no network, and are always
 * labelled "simulated" wherever they are listed. Each has a voice, list prices (so costs are
 * real numbers) and a realistic streaming speed.
 */
export type SimPersona = {
  /** Id without the `sim:` prefix. */
  slug: string;
  name: string;
  description: string;
  /** How the persona frames an answer. */
  voice: "thorough" | "contrarian" | "cautious" | "practical" | "neutral";
  /** Number of aspects of the question the persona covers (out of the pool). */
  coverage: number;
  /** Probability of taking the minority stance on an aspect. */
  contrarian: number;
  /** Emits a short reasoning trace before answering. */
  reasons: boolean;
  /** Fails mid-stream on purpose, to show partial failure. */
  fails: boolean;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  contextLength: number;
  /** Realistic timing (scaled by QUORUM_SIM_SPEED). */
  firstTokenMs: number;
  tokensPerSecond: number;
};

export const SIM_PERSONAS: readonly SimPersona[] = [
  {
    slug: "atlas",
    name: "Atlas",
    description: "Thorough and structured; covers many aspects.",
    voice: "thorough",
    coverage: 6,
    contrarian: 0.1,
    reasons: false,
    fails: false,
    inputPricePerMTok: 3,
    outputPricePerMTok: 15,
    contextLength: 200_000,
    firstTokenMs: 650,
    tokensPerSecond: 45,
  },
  {
    slug: "nova",
    name: "Nova",
    description: "Concise and contrarian; often takes the other side.",
    voice: "contrarian",
    coverage: 4,
    contrarian: 0.6,
    reasons: false,
    fails: false,
    inputPricePerMTok: 0.5,
    outputPricePerMTok: 1.5,
    contextLength: 128_000,
    firstTokenMs: 300,
    tokensPerSecond: 90,
  },
  {
    slug: "sage",
    name: "Sage",
    description: "Cautious; thinks first, lists caveats.",
    voice: "cautious",
    coverage: 5,
    contrarian: 0.2,
    reasons: true,
    fails: false,
    inputPricePerMTok: 1.25,
    outputPricePerMTok: 5,
    contextLength: 1_000_000,
    firstTokenMs: 900,
    tokensPerSecond: 30,
  },
  {
    slug: "ember",
    name: "Ember",
    description: "Practical and example-driven.",
    voice: "practical",
    coverage: 4,
    contrarian: 0.25,
    reasons: false,
    fails: false,
    inputPricePerMTok: 0.2,
    outputPricePerMTok: 0.8,
    contextLength: 64_000,
    firstTokenMs: 400,
    tokensPerSecond: 70,
  },
  {
    slug: "arbiter",
    name: "Arbiter",
    description: "Neutral; the default simulated judge.",
    voice: "neutral",
    coverage: 5,
    contrarian: 0.15,
    reasons: false,
    fails: false,
    inputPricePerMTok: 2,
    outputPricePerMTok: 8,
    contextLength: 200_000,
    firstTokenMs: 500,
    tokensPerSecond: 60,
  },
  {
    slug: "weaver",
    name: "Weaver",
    description: "Balanced writer; the default simulated synthesizer.",
    voice: "neutral",
    coverage: 5,
    contrarian: 0.15,
    reasons: false,
    fails: false,
    inputPricePerMTok: 1,
    outputPricePerMTok: 4,
    contextLength: 200_000,
    firstTokenMs: 450,
    tokensPerSecond: 55,
  },
  {
    slug: "flaky",
    name: "Flaky",
    description: "Fails mid-answer on purpose, to show how a run survives a failed panelist.",
    voice: "practical",
    coverage: 4,
    contrarian: 0.3,
    reasons: false,
    fails: true,
    inputPricePerMTok: 0.1,
    outputPricePerMTok: 0.4,
    contextLength: 32_000,
    firstTokenMs: 350,
    tokensPerSecond: 60,
  },
];

export function findSimPersona(slug: string): SimPersona | undefined {
  return SIM_PERSONAS.find((p) => p.slug === slug);
}

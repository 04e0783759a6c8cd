/**
 * The simulated models answer from a bank of "aspects": each aspect is a heading with two
 * competing stances. For one question a deterministic pool of aspects is drawn; each persona
 * covers some of them and picks a stance for each. Because answers are built from shared
 * aspects, the simulated judge can find real consensus, contradictions and blind spots.
 */
export type Aspect = {
  title: string;
  /** `{s}` is replaced by the subject of the question. */
  stances: readonly [string, string];
};

export const ASPECT_BANK: readonly Aspect[] = [
  {
    title: "Scope",
    stances: [
      "Start by pinning down what {s} covers and what it leaves out; most confusion comes from mixing neighbouring questions.",
      "Keep the framing of {s} broad at first; narrowing too early hides the options that matter.",
    ],
  },
  {
    title: "Evidence",
    stances: [
      "The strongest evidence on {s} comes from controlled comparisons rather than anecdotes.",
      "Field reports on {s} are more telling than controlled studies, which rarely match real conditions.",
    ],
  },
  {
    title: "Cost",
    stances: [
      "The costs of {s} are front-loaded and fall as the work matures.",
      "The costs of {s} grow with scale and are usually underestimated at the start.",
    ],
  },
  {
    title: "Risks",
    stances: [
      "The main risk with {s} is execution, not the idea itself.",
      "The main risk with {s} is the underlying assumption, which may simply be wrong.",
    ],
  },
  {
    title: "Timeline",
    stances: [
      "Expect meaningful results on {s} within months, not years.",
      "Results on {s} take years to show; short horizons mislead.",
    ],
  },
  {
    title: "Trade-offs",
    stances: [
      "With {s}, speed and quality trade off directly; pick one to optimise.",
      "With {s}, speed and quality mostly reinforce each other once the basics are in place.",
    ],
  },
  {
    title: "Alternatives",
    stances: [
      "Simpler alternatives to {s} should be ruled out before committing.",
      "The usual alternatives to {s} share its weaknesses, so comparing them adds little.",
    ],
  },
  {
    title: "Measurement",
    stances: [
      "Define how success on {s} will be measured before starting, with one primary metric.",
      "Several metrics on {s} should be tracked together; a single number is easy to game.",
    ],
  },
  {
    title: "Stakeholders",
    stances: [
      "The people most affected by {s} should be consulted early.",
      "Broad consultation on {s} slows things down more than it helps; involve a small group.",
    ],
  },
  {
    title: "Edge cases",
    stances: [
      "Edge cases in {s} are where most failures hide, so test them first.",
      "Edge cases in {s} matter less than getting the common path right.",
    ],
  },
  {
    title: "History",
    stances: [
      "Earlier attempts at {s} are a good guide to what will happen now.",
      "Conditions around {s} have changed enough that history is a weak guide.",
    ],
  },
  {
    title: "Regulation",
    stances: [
      "Rules and standards around {s} are stable enough to plan around.",
      "Rules around {s} are shifting, so keep the plan easy to change.",
    ],
  },
];

/** Number of aspects drawn for one question. */
export const POOL_SIZE = 8;

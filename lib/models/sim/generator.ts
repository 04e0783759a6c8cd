import { type Analysis, analysisSchema } from "@/lib/fusion/analysis";
import { type LabelledAnswer, parseTaggedPrompt } from "@/lib/fusion/prompt-format";
import { hashString, seededRandom, shuffled } from "@/lib/fusion/random";
import { ASPECT_BANK, type Aspect, POOL_SIZE } from "./aspects";
import { findSimPersona, type SimPersona } from "./personas";

/**
 * The deterministic text generator behind every simulated model, in-process and over HTTP
 * (the fake OpenAI-compatible server). Same messages + persona + seed → same output.
 */
export type SimMessage = { role: "system" | "user" | "assistant"; content: string };

export type SimRequest = {
  /** Persona slug (`atlas`) or full id (`sim:atlas`); unknown slugs answer in a neutral voice. */
  model: string;
  messages: readonly SimMessage[];
  seed?: number;
  temperature?: number;
  /** `json` when the caller asked for structured output (the judge). */
  responseFormat?: "text" | "json";
  maxOutputTokens?: number;
};

export type SimCompletion = {
  persona: SimPersona;
  reasoning: string;
  text: string;
  /** The text split into streaming tokens (each carries its leading whitespace). */
  tokens: string[];
  reasoningTokens: string[];
  inputTokens: number;
  finishReason: "stop" | "length";
  /** Set when the persona fails on purpose: the token index at which it breaks. */
  failAfterTokens: number | null;
};

const NEUTRAL: SimPersona = {
  slug: "neutral",
  name: "Simulated",
  description: "Generic simulated model.",
  voice: "neutral",
  coverage: 5,
  contrarian: 0.15,
  reasons: false,
  fails: false,
  inputPricePerMTok: 1,
  outputPricePerMTok: 4,
  contextLength: 128_000,
  firstTokenMs: 500,
  tokensPerSecond: 60,
};

export function personaFor(model: string): SimPersona {
  const slug = model.startsWith("sim:") ? model.slice(4) : model;
  return findSimPersona(slug) ?? { ...NEUTRAL, slug };
}

function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  return shuffled(items, random).slice(0, count);
}

// --- reading the question -----------------------------------------------------------------

const STOPWORDS = new Set(
  "a an the and or but if then of to in on for with at by from as is are was were be been being do does did how what why when where which who whom whose this that these those it its i you we they he she my your our their me us them can could should would will shall may might must not no yes so than too very just about into over under between through during before after above below up down out off again further once here there all any both each few more most other some such only own same also please explain tell give list compare describe between vs versus".split(
    " ",
  ),
);

/** A short subject phrase for the question, e.g. "solar panels for a small roof". */
export function subjectOf(question: string): string {
  const words = question
    .replace(/[^\p{L}\p{N}\s'-]/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w.toLowerCase()));
  if (words.length === 0) return "this question";
  return words.slice(0, 4).join(" ").toLowerCase();
}

export function aspectPool(question: string): Aspect[] {
  return pick(
    ASPECT_BANK,
    POOL_SIZE,
    seededRandom(hashString(`pool:${question.trim().toLowerCase()}`)),
  );
}

function lastUserMessage(messages: readonly SimMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === "user") return m.content;
  }
  return "";
}

function fill(template: string, subject: string): string {
  return template.replaceAll("{s}", subject);
}

const BULLET = /^- \*\*(.+?):\*\* (.+)$/;

function bulletsOf(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = BULLET.exec(line.trim());
    if (m?.[1] && m[2]) found.set(m[1], m[2]);
  }
  return found;
}

// --- the three kinds of answer ------------------------------------------------------------

const OPENERS: Record<SimPersona["voice"], string> = {
  thorough: "Here is a structured look at {s}, aspect by aspect.",
  contrarian: "Short version on {s} — and I'll push back on the usual take.",
  cautious: "A careful answer on {s}, with the caveats that matter.",
  practical: "Practically speaking, here is how I'd approach {s}.",
  neutral: "An overview of {s}.",
};

const CLOSERS: Record<SimPersona["voice"], string> = {
  thorough:
    "Taken together, these points give a complete picture; weigh them against your constraints.",
  contrarian: "If you only remember one thing: question the default assumption.",
  cautious: "None of this is certain; check the specifics of your situation before acting.",
  practical: "Try the smallest version first and adjust from what you learn.",
  neutral: "These are the main considerations.",
};

function panelistAnswer(req: SimRequest, persona: SimPersona): string {
  const question = lastUserMessage(req.messages);
  const subject = subjectOf(question);
  const random = seededRandom(
    hashString(`${persona.slug}|${req.seed ?? 0}|${question.trim().toLowerCase()}`),
  );
  const pool = aspectPool(question);
  const covered = pick(pool, Math.min(persona.coverage, pool.length), random);
  // Temperature nudges personas off the majority view, the way sampling does.
  const contrarian = Math.min(0.9, persona.contrarian + (req.temperature ?? 0.7) * 0.05);
  const lines = covered
    .sort((a, b) => pool.indexOf(a) - pool.indexOf(b))
    .map((aspect) => {
      const stance = random() < contrarian ? aspect.stances[1] : aspect.stances[0];
      return `- **${aspect.title}:** ${fill(stance, subject)}`;
    });
  const followUp = req.messages.some((m) => m.role === "assistant")
    ? "\n\nBuilding on what we discussed earlier:"
    : "";
  return `${fill(OPENERS[persona.voice], subject)}${followUp}\n\n${lines.join("\n")}\n\n${CLOSERS[persona.voice]}`;
}

/** A schema-valid analysis computed from the actual answers. */
export function simulatedAnalysis(
  question: string,
  responses: readonly LabelledAnswer[],
): Analysis {
  const byAspect = new Map<string, { label: string; stance: string }[]>();
  for (const r of responses) {
    for (const [title, stance] of bulletsOf(r.text)) {
      const list = byAspect.get(title) ?? [];
      list.push({ label: r.label, stance });
      byAspect.set(title, list);
    }
  }
  const analysis: Analysis = {
    consensus: [],
    contradictions: [],
    partial_coverage: [],
    unique_insights: [],
    blind_spots: [],
  };
  const total = responses.length;
  for (const [title, stances] of byAspect) {
    const distinct = [...new Set(stances.map((s) => s.stance))];
    const labels = stances.map((s) => s.label);
    if (distinct.length > 1) {
      const counts = distinct.map((d) => stances.filter((s) => s.stance === d).length);
      const top = Math.max(...counts);
      const majority = counts.filter((c) => c === top).length === 1;
      analysis.contradictions.push({
        topic: title,
        stances: stances.map((s) => ({ model: s.label, stance: s.stance })),
        ...(majority
          ? {
              resolution: `Most responses (${top} of ${stances.length}) hold: ${distinct[counts.indexOf(top)]}`,
            }
          : {}),
      });
    } else if (stances.length === 1) {
      analysis.unique_insights.push({
        insight: `${title}: ${distinct[0]}`,
        model: labels[0] ?? "",
      });
    } else if (stances.length === total || stances.length * 2 > total) {
      analysis.consensus.push({ point: `${title}: ${distinct[0]}`, models: labels });
    } else {
      analysis.partial_coverage.push({ point: `${title}: ${distinct[0]}`, models: labels });
    }
  }
  const subject = subjectOf(question);
  for (const aspect of aspectPool(question)) {
    if (!byAspect.has(aspect.title)) {
      analysis.blind_spots.push(`${aspect.title} of ${subject} was not addressed by any response.`);
    }
  }
  if (responses.length === 0) analysis.blind_spots.push("No responses were provided to compare.");
  return analysis;
}

function synthesis(
  question: string,
  responses: readonly LabelledAnswer[],
  analysis: Analysis | null,
): string {
  const subject = subjectOf(question);
  const view = analysis ?? simulatedAnalysis(question, responses);
  const lines: string[] = [`Here is the combined answer on ${subject}.`, ""];
  const points: string[] = [];
  for (const c of view.consensus)
    points.push(`- ${bold(c.point)} *(agreed by ${c.models.length})*`);
  for (const c of view.contradictions) {
    const resolved = c.resolution
      ? c.resolution.replace(/^Most responses \([^)]*\) hold: /, "")
      : null;
    points.push(
      resolved
        ? `- **${c.topic}:** ${resolved} *(contested; majority view)*`
        : `- **${c.topic}:** the panel is split — ${c.stances.map((s) => s.stance).join(" / ")}`,
    );
  }
  for (const p of view.partial_coverage) points.push(`- ${bold(p.point)}`);
  for (const u of view.unique_insights) points.push(`- ${bold(u.insight)} *(one response)*`);
  lines.push(...(points.length > 0 ? points : ["- The panel gave no usable points."]));
  if (view.blind_spots.length > 0) {
    lines.push("", "**Still open:**", ...view.blind_spots.map((b) => `- ${b}`));
  }
  lines.push("", "Weigh the contested points against your own situation.");
  return lines.join("\n");
}

function bold(point: string): string {
  const i = point.indexOf(": ");
  return i > 0 ? `**${point.slice(0, i)}:** ${point.slice(i + 2)}` : point;
}

function reasoningFor(question: string): string {
  const subject = subjectOf(question);
  return `The question is about ${subject}. I should separate what is well established from what is contested, note the assumptions, and flag what depends on the asker's situation.`;
}

// --- tokens -------------------------------------------------------------------------------

/** Splits text into word-sized tokens, each keeping its leading whitespace. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

export function countInputTokens(messages: readonly SimMessage[]): number {
  const chars = messages.reduce((n, m) => n + m.content.length + 4, 0);
  return Math.max(1, Math.ceil(chars / 4));
}

export function simulateCompletion(req: SimRequest): SimCompletion {
  const persona = personaFor(req.model);
  const prompt = lastUserMessage(req.messages);
  const tagged = parseTaggedPrompt(prompt);
  const question = tagged.question ?? prompt;
  let text: string;
  if (req.responseFormat === "json") {
    text = JSON.stringify(simulatedAnalysis(question, tagged.responses));
  } else if (tagged.responses.length > 0) {
    text = synthesis(question, tagged.responses, asAnalysis(tagged.analysis));
  } else {
    text = panelistAnswer(req, persona);
  }
  let tokens = tokenize(text);
  let finishReason: SimCompletion["finishReason"] = "stop";
  if (req.maxOutputTokens !== undefined && tokens.length > req.maxOutputTokens) {
    tokens = tokens.slice(0, req.maxOutputTokens);
    text = tokens.join("");
    finishReason = "length";
  }
  const reasoning = persona.reasons && req.responseFormat !== "json" ? reasoningFor(question) : "";
  return {
    persona,
    reasoning,
    text,
    tokens,
    reasoningTokens: tokenize(reasoning),
    inputTokens: countInputTokens(req.messages),
    finishReason,
    failAfterTokens: persona.fails ? Math.max(1, Math.floor(tokens.length / 4)) : null,
  };
}

function asAnalysis(value: unknown): Analysis | null {
  const parsed = analysisSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const SIM_FAILURE_MESSAGE =
  "Simulated upstream failure: the connection was reset mid-answer.";

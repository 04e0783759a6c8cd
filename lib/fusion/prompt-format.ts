/**
 * The tagged layout in which the judge and the synthesizer receive the question and the
 * panel's answers. Tags (rather than markdown headings) keep answers that contain headings of
 * their own from bleeding into each other.
 */
export type LabelledAnswer = { label: string; text: string };

/** Stops an answer from closing its own block early. */
function neutralise(text: string): string {
  return text.replace(/<\/(response|question|analysis)>/gi, "</ $1>");
}

export function questionBlock(question: string): string {
  return `<question>\n${neutralise(question)}\n</question>`;
}

export function responseBlocks(answers: readonly LabelledAnswer[]): string {
  return answers
    .map((a) => `<response label="${a.label}">\n${neutralise(a.text)}\n</response>`)
    .join("\n\n");
}

export function analysisBlock(analysis: unknown): string {
  return `<analysis>\n${neutralise(JSON.stringify(analysis, null, 2))}\n</analysis>`;
}

export type ParsedTaggedPrompt = {
  question: string | null;
  responses: LabelledAnswer[];
  analysis: unknown | null;
};

export function parseTaggedPrompt(text: string): ParsedTaggedPrompt {
  const question = /<question>\n?([\s\S]*?)\n?<\/question>/.exec(text)?.[1] ?? null;
  const responses: LabelledAnswer[] = [];
  for (const m of text.matchAll(/<response label="([^"]+)">\n?([\s\S]*?)\n?<\/response>/g)) {
    responses.push({ label: m[1] ?? "", text: m[2] ?? "" });
  }
  let analysis: unknown = null;
  const raw = /<analysis>\n?([\s\S]*?)\n?<\/analysis>/.exec(text)?.[1];
  if (raw) {
    try {
      analysis = JSON.parse(raw);
    } catch {
      analysis = null;
    }
  }
  return { question, responses, analysis };
}

/** Labels for anonymised answers: A, B, … H (the panel has at most 8). */
export function answerLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

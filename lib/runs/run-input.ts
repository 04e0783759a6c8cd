/** Validation of what a run is started with; every error names its field. */
import { z } from "zod";
import { QuorumError } from "@/lib/errors";
import {
  type ChatMessage,
  FusionInputError,
  type PanelConfig,
  panelConfigSchema,
  parseFusionInput,
} from "@/lib/fusion/input";
import type { ModelResolver } from "@/lib/fusion/model-call";
import { getModelRegistry } from "@/lib/models/registry";

export const MAX_PROMPT_CHARS = 100_000;

/** Bad input to a run; `field` names it (`prompt`, `panel.2.model`, `judge.model`…). */
export class RunInputError extends QuorumError {
  readonly field: string;
  constructor(field: string, message: string) {
    super("bad_request:run", `${field}: ${message}`);
    this.name = "RunInputError";
    this.field = field;
  }
}

const promptSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "Write a prompt first.")
  .max(
    MAX_PROMPT_CHARS,
    `A prompt has at most ${MAX_PROMPT_CHARS.toLocaleString("en")} characters.`,
  );

/** The prompt, trimmed; throws RunInputError("prompt") when it is empty or too long. */
export function parsePrompt(prompt: unknown): string {
  const parsed = promptSchema.safeParse(prompt);
  if (!parsed.success) throw new RunInputError("prompt", firstMessage(parsed.error));
  return parsed.data;
}

/** A panel draft with defaults filled in; the field is its path, e.g. `panel.2.temperature`. */
export function parsePanel(panel: unknown): PanelConfig {
  const parsed = panelConfigSchema.safeParse(panel);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RunInputError(issue?.path.join(".") || "panel", issue?.message ?? "is invalid");
}

/**
 * Every model must be usable before anything is written, so a missing key is an input error
 * naming its slot. The engine resolves again per slot: a self-panel gets two model instances.
 */
export function resolveAll(
  config: PanelConfig,
  resolver: ModelResolver | undefined,
): ModelResolver {
  const resolve = resolver ?? ((id: string) => getModelRegistry().resolve(id));
  const slots = [
    ...config.panel.map((p, i) => ({ field: `panel.${i}.model`, model: p.model })),
    { field: "judge.model", model: config.judge.model },
    { field: "synthesizer.model", model: config.synthesizer.model },
  ];
  for (const { field, model } of slots) {
    try {
      resolve(model);
    } catch (error) {
      throw new RunInputError(field, error instanceof Error ? error.message : String(error));
    }
  }
  return resolve;
}

/** The engine's own validation of the whole input (e.g. an over-long history message). */
export function checkMessages(config: PanelConfig, messages: ChatMessage[]): ChatMessage[] {
  try {
    return parseFusionInput({ ...config, messages }).messages;
  } catch (error) {
    if (error instanceof FusionInputError) {
      throw new RunInputError(error.field, error.issues[0]?.message ?? "is invalid");
    }
    throw error;
  }
}

/** A conversation title from its first prompt: one line, about 60 characters, cut at a word. */
export function titleOf(prompt: string): string {
  const line = prompt.replace(/\s+/g, " ").trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "is invalid";
}

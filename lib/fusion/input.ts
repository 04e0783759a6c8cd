import { z } from "zod";

/** `provider:model`, e.g. `openrouter:moonshotai/kimi-k2.6`, `local:llama3.1`, `sim:atlas`. */
export const modelIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]*:\S+$/, "must be a model id of the form provider:model");

export const reasoningEffortSchema = z.enum(["low", "medium", "high"]);

export const panelistSchema = z.object({
  model: modelIdSchema,
  temperature: z.number().min(0).max(2).optional(),
  systemPrompt: z.string().max(20_000).optional(),
  reasoningEffort: reasoningEffortSchema.optional(),
  maxCompletionTokens: z.number().int().min(1).max(1_000_000).optional(),
});

export const roleModelSchema = z.object({
  model: modelIdSchema,
  /** Replaces the default instructions of the role (lib/fusion/prompts.ts). */
  instructions: z.string().trim().min(1).max(20_000).optional(),
});

export const MAX_PANELISTS = 8;

export const fusionSettingsSchema = z.object({
  /** Panel temperature (0–2). The judge always runs at 0. */
  temperature: z.number().min(0).max(2).default(0.7),
  maxCompletionTokens: z.number().int().min(1).max(1_000_000).optional(),
  reasoningEffort: reasoningEffortSchema.optional(),
  /** Makes sampling and the answer shuffle repeatable. */
  seed: z.number().int().optional(),
  /** Wall-clock budget of one panelist, retries included. */
  panelistTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(180_000),
  /** Retries of a panelist call that fails before its first token (429, 5xx, network). */
  maxRetries: z.number().int().min(0).max(5).default(2),
});

export const messageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().min(1, "must not be empty").max(200_000),
});

export const fusionInputSchema = z.object({
  panel: z
    .array(panelistSchema)
    .min(1, "add at least one panelist")
    .max(MAX_PANELISTS, `a panel has at most ${MAX_PANELISTS} panelists`),
  judge: roleModelSchema,
  synthesizer: roleModelSchema,
  settings: fusionSettingsSchema.default(() => fusionSettingsSchema.parse({})),
  messages: z
    .array(messageSchema)
    .min(1, "there is no prompt")
    .refine((m) => m.at(-1)?.role === "user", "the last message must be the user's prompt"),
});

export type Panelist = z.infer<typeof panelistSchema>;
export type RoleModel = z.infer<typeof roleModelSchema>;
export type FusionSettings = z.infer<typeof fusionSettingsSchema>;
export type ChatMessage = z.infer<typeof messageSchema>;
export type FusionInput = z.infer<typeof fusionInputSchema>;
export type FusionInputDraft = z.input<typeof fusionInputSchema>;

/** Bad input to the engine; `field` names the offending field, e.g. `panel.2.temperature`. */
export class FusionInputError extends Error {
  readonly field: string;
  readonly issues: { field: string; message: string }[];
  constructor(issues: { field: string; message: string }[]) {
    const first = issues[0] ?? { field: "input", message: "is invalid" };
    super(`${first.field}: ${first.message}`);
    this.name = "FusionInputError";
    this.field = first.field;
    this.issues = issues;
  }
}

export function parseFusionInput(input: unknown): FusionInput {
  const parsed = fusionInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new FusionInputError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join(".") : "input",
      message: issue.message,
    })),
  );
}

/** A panel as users build and save it: everything a run needs except the messages. */
export const panelConfigSchema = fusionInputSchema.omit({ messages: true });
export type PanelConfig = z.infer<typeof panelConfigSchema>;
export type PanelConfigDraft = z.input<typeof panelConfigSchema>;

/** The panel a fresh install starts with: simulated models only, so it works offline. */
export const OFFLINE_DEMO_PANEL: PanelConfigDraft = {
  panel: [{ model: "sim:atlas" }, { model: "sim:nova" }, { model: "sim:sage" }],
  judge: { model: "sim:arbiter" },
  synthesizer: { model: "sim:weaver" },
};

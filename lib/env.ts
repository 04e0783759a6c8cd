import { z } from "zod";

export const DEFAULT_DATABASE_PATH = "./data/quorum.db";

/** Names that identify built-in providers and so cannot be used by a custom endpoint. */
const RESERVED_ENDPOINT_NAMES = ["openrouter", "sim"] as const;

const endpointSchema = z.object({
  name: z
    .string({ error: "is required and must be a string" })
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: "must be lowercase letters, digits and dashes, starting with a letter or digit",
    })
    .refine((name) => !(RESERVED_ENDPOINT_NAMES as readonly string[]).includes(name), {
      error: `must not be one of the built-in providers (${RESERVED_ENDPOINT_NAMES.join(", ")})`,
    }),
  baseURL: z.url({
    protocol: /^https?$/,
    error: "is required and must be an http(s) URL, e.g. http://localhost:11434/v1",
  }),
  apiKey: z.string({ error: "must be a string when given" }).min(1).optional(),
});

/** A custom OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, LM Studio…). */
export type CustomEndpoint = z.infer<typeof endpointSchema>;

/** `realistic` and `fast` are presets; a number multiplies the realistic speed. */
export type SimSpeed = "realistic" | "fast" | number;

const endpointsSchema = z
  .string()
  .optional()
  .transform((raw, ctx): CustomEndpoint[] => {
    if (raw === undefined) return [];
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `is not valid JSON (${(error as Error).message}); expected an array like [{"name":"local","baseURL":"http://localhost:11434/v1"}]`,
      });
      return z.NEVER;
    }
    if (!Array.isArray(json)) {
      ctx.addIssue({
        code: "custom",
        message:
          'must be a JSON array like [{"name":"local","baseURL":"http://localhost:11434/v1"}]',
      });
      return z.NEVER;
    }
    const endpoints: CustomEndpoint[] = [];
    const seen = new Set<string>();
    json.forEach((entry, index) => {
      const parsed = endpointSchema.safeParse(entry);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.length > 0 ? `.${issue.path.join(".")}` : "";
          ctx.addIssue({ code: "custom", message: `[${index}]${field} ${issue.message}` });
        }
        return;
      }
      if (seen.has(parsed.data.name)) {
        ctx.addIssue({
          code: "custom",
          message: `[${index}].name "${parsed.data.name}" is used by an earlier endpoint`,
        });
        return;
      }
      seen.add(parsed.data.name);
      endpoints.push(parsed.data);
    });
    return endpoints;
  });

const simSpeedSchema = z
  .string()
  .default("realistic")
  .transform((raw, ctx): SimSpeed => {
    if (raw === "realistic" || raw === "fast") return raw;
    const multiplier = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(multiplier) && multiplier > 0) return multiplier;
    ctx.addIssue({
      code: "custom",
      message: `must be "realistic", "fast" or a positive number (a speed multiplier), got "${raw}"`,
    });
    return z.NEVER;
  });

const envSchema = z.object({
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  AUTH_SECRET: z
    .string({
      error:
        "is missing: run `npm run dev` once to generate it into .env.local, or set it (at least 32 characters)",
    })
    .min(32, {
      error:
        "must be at least 32 characters: run `npm run dev` once to generate it into .env.local, or set it",
    }),
  OPENROUTER_API_KEY: z.string().optional(),
  OPENROUTER_BASE_URL: z
    .url({ error: "must be a URL, e.g. https://openrouter.ai/api/v1" })
    .default("https://openrouter.ai/api/v1"),
  QUORUM_ENDPOINTS: endpointsSchema,
  QUORUM_SIM_SPEED: simSpeedSchema,
  QUORUM_APP_URL: z
    .url({ error: "must be a URL, e.g. http://localhost:3000" })
    .default("http://localhost:3000"),
  /** `closed`: only the first account can sign up (a private install); others need OAuth links. */
  QUORUM_SIGNUPS: z
    .enum(["open", "closed"], { error: 'must be "open" or "closed"' })
    .default("open"),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment configuration (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

/**
 * Validates a set of environment variables. Pure: pass `process.env` or a test object.
 * Empty strings count as unset, so `OPENROUTER_API_KEY=` in a .env file means "no key".
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    input[key] = value === undefined || value.trim() === "" ? undefined : value;
  }
  const result = envSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const [variable] = issue.path;
    const message = issue.message.startsWith("[") ? issue.message : ` ${issue.message}`;
    return `${String(variable)}${message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** The validated environment, parsed from `process.env` on first use and then cached. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

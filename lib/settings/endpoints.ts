/**
 * A user's custom OpenAI-compatible endpoints (Ollama, vLLM, LM Studio…): validated, their
 * optional key encrypted like provider keys, their model list cached on the row.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  deleteUserEndpoint,
  findUserEndpointByName,
  getUserEndpoint,
  insertUserEndpoint,
  listUserEndpoints,
  recordEndpointListing,
  updateUserEndpoint,
} from "@/db/queries/provider-keys";
import type { UserEndpointRow } from "@/db/schema";
import { encryptSecret, maskSecret } from "@/lib/crypto";
import { getEnv } from "@/lib/env";
import { isQuorumError, QuorumError } from "@/lib/errors";
import { listEndpointModels } from "@/lib/models/catalog-refresh";
import type { ModelInfo } from "@/lib/models/types";
import { invalidateUserRegistry } from "@/lib/models/user-registry-cache";
import { apiKeySchema, decryptOrNull, KEY_PROVIDERS, secretFor } from "./keys";

/** Built-in providers, and those a coming release talks to directly, cannot be endpoint names. */
const RESERVED = ["openrouter", "sim", ...KEY_PROVIDERS];

export const endpointInputSchema = z.object({
  name: z
    .string({ error: "Give the endpoint a name." })
    .trim()
    .min(1, "Give the endpoint a name.")
    .max(40, "A name has at most 40 characters.")
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: "Use lowercase letters, digits and dashes, starting with a letter or digit.",
    })
    .refine((name) => !RESERVED.includes(name), {
      error: `This name is taken by a built-in provider (${RESERVED.join(", ")}).`,
    }),
  baseURL: z
    .string()
    .trim()
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: "Enter an http(s) URL, e.g. http://localhost:11434/v1",
      }),
    ),
  /** Empty means "keep the stored key" when editing, "no key" when adding. */
  apiKey: z.union([z.literal(""), apiKeySchema]).optional(),
  removeKey: z.boolean().optional(),
});
export type EndpointInput = z.input<typeof endpointInputSchema>;

/** What a page may show of an endpoint: never its key. */
export type EndpointView = {
  id: string;
  name: string;
  baseUrl: string;
  keyHint: string | null;
  modelCount: number;
  modelsFetchedAt: number | null;
  lastError: string | null;
};

export function endpointView(row: UserEndpointRow): EndpointView {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    keyHint: row.keyHint,
    modelCount: endpointModels(row).length,
    modelsFetchedAt: row.modelsFetchedAt,
    lastError: row.lastError,
  };
}

export function listEndpointViews(db: Db, params: { userId: string }): EndpointView[] {
  return listUserEndpoints(db, params).map(endpointView);
}

/** An input problem with the field it concerns, for the form to show beside it. */
export class EndpointFieldError extends QuorumError {
  constructor(
    readonly field: "name" | "baseURL" | "apiKey",
    message: string,
  ) {
    super("bad_request:endpoint", message);
  }
}

function parseInput(input: EndpointInput) {
  const parsed = endpointInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    throw new EndpointFieldError(
      field === "baseURL" || field === "apiKey" ? field : "name",
      issue?.message ?? "This is not valid.",
    );
  }
  return parsed.data;
}

/** Adds (no id) or edits an endpoint, then lists its models once; unreachable still saves. */
export async function saveEndpoint(
  db: Db,
  params: { userId: string; endpointId?: string; input: EndpointInput },
): Promise<EndpointView> {
  const { userId, endpointId } = params;
  const input = parseInput(params.input);
  if (getEnv().QUORUM_ENDPOINTS.some((e) => e.name === input.name)) {
    throw new EndpointFieldError("name", "The server already has an endpoint by this name.");
  }
  const clash = findUserEndpointByName(db, { userId, name: input.name });
  if (clash && clash.id !== endpointId) {
    throw new EndpointFieldError("name", "You already have an endpoint by this name.");
  }
  const { secret, owner } = secretFor(userId);
  const key = input.removeKey
    ? null
    : input.apiKey
      ? {
          encryptedKey: encryptSecret({ secret, owner, plaintext: input.apiKey }),
          keyHint: maskSecret(input.apiKey),
        }
      : endpointId
        ? undefined
        : null;
  const endpoint = { name: input.name, baseUrl: input.baseURL, key };
  let id = endpointId;
  if (id) {
    if (!updateUserEndpoint(db, { userId, endpointId: id, endpoint })) throw notFound();
  } else {
    id = insertUserEndpoint(db, { userId, endpoint }).id;
  }
  invalidateUserRegistry(userId);
  const row = getUserEndpoint(db, { userId, endpointId: id });
  if (!row) throw notFound();
  await refreshEndpointListing(db, { userId, row });
  invalidateUserRegistry(userId);
  const fresh = getUserEndpoint(db, { userId, endpointId: id });
  return endpointView(fresh ?? row);
}

export function removeEndpoint(db: Db, params: { userId: string; endpointId: string }): void {
  if (!deleteUserEndpoint(db, params)) throw notFound();
  invalidateUserRegistry(params.userId);
}

export type ConnectionTest =
  | { ok: true; models: { id: string; name: string }[] }
  | { ok: false; error: string };

/**
 * "Test connection": lists the models at the address typed in the form. With an endpoint id
 * and no key typed, the stored key is used (it never travels to the browser and back).
 */
export async function testEndpointConnection(
  db: Db,
  params: { userId: string; endpointId?: string; input: EndpointInput; fetchImpl?: typeof fetch },
): Promise<ConnectionTest> {
  const input = parseInput(params.input);
  let apiKey: string | undefined = input.apiKey || undefined;
  if (!apiKey && params.endpointId && !input.removeKey) {
    const row = getUserEndpoint(db, { userId: params.userId, endpointId: params.endpointId });
    if (!row) throw notFound();
    if (row.encryptedKey) {
      apiKey = decryptOrNull(row.encryptedKey, params.userId, "endpoint key") ?? undefined;
    }
  }
  try {
    const models = await listEndpointModels({
      name: input.name,
      baseURL: input.baseURL,
      apiKey,
      fetchImpl: params.fetchImpl,
    });
    return { ok: true, models: models.map((m) => ({ id: m.id, name: m.name })) };
  } catch (error) {
    return { ok: false, error: explain(error) };
  }
}

/** Lists the endpoint's models into its row; failures are recorded, never thrown. */
export async function refreshEndpointListing(
  db: Db,
  params: { userId: string; row: UserEndpointRow; fetchImpl?: typeof fetch },
): Promise<void> {
  const { userId, row } = params;
  const apiKey = row.encryptedKey
    ? (decryptOrNull(row.encryptedKey, userId, "endpoint key") ?? undefined)
    : undefined;
  const at = Date.now();
  try {
    const models = await listEndpointModels({
      name: row.name,
      baseURL: row.baseUrl,
      apiKey,
      fetchImpl: params.fetchImpl,
    });
    recordEndpointListing(db, {
      userId,
      endpointId: row.id,
      at,
      result: { models: JSON.stringify(models) },
    });
  } catch (error) {
    recordEndpointListing(db, {
      userId,
      endpointId: row.id,
      at,
      result: { error: explain(error) },
    });
  }
}

/** The models cached on the row (a damaged value reads as none). */
export function endpointModels(row: UserEndpointRow): ModelInfo[] {
  try {
    const parsed: unknown = JSON.parse(row.models);
    return Array.isArray(parsed) ? (parsed as ModelInfo[]) : [];
  } catch {
    return [];
  }
}

/** The endpoint's key in plaintext, for the registry (server side only). */
export function endpointKey(row: UserEndpointRow, userId: string): string | undefined {
  if (!row.encryptedKey) return undefined;
  return decryptOrNull(row.encryptedKey, userId, "endpoint key") ?? undefined;
}

/** A message safe to show (catalog-refresh never puts a key in one), with a hint for 401/403. */
function explain(error: unknown): string {
  if (!isQuorumError(error)) {
    console.error("quorum: testing an endpoint failed", error);
    return "Testing the endpoint failed unexpectedly.";
  }
  if (/HTTP 40[13]\b/.test(error.message)) {
    return `${error.message} The endpoint refused the request: check its API key.`;
  }
  if (/unexpected model list|invalid JSON/.test(error.message)) {
    return `${error.message} Is this the OpenAI-compatible base URL (often ending in /v1)?`;
  }
  return error.message;
}

const notFound = () => new QuorumError("not_found:endpoint", "This endpoint does not exist.");

/**
 * The one place that turns a Quorum model id (`provider:model`) into an AI SDK model.
 * `createModelRegistry` is pure (config in, registry out) so tests and scripts build their own;
 * `getModelRegistry` / `listAvailableModels` are the server's, built from the environment and
 * the cached catalog.
 */
import { createOpenAICompatible, type OpenAICompatibleProvider } from "@ai-sdk/openai-compatible";
import type { JSONValue, LanguageModelV3 } from "@ai-sdk/provider";
import { createOpenRouter, type OpenRouterProvider } from "@openrouter/ai-sdk-provider";
import { type Db, getDb } from "@/db/client";
import { catalogStamp } from "@/db/queries/catalog";
import { type Env, getEnv } from "@/lib/env";
import { type ErrorCode, QuorumError } from "@/lib/errors";
import { OPENROUTER_PROVIDER, SIM_PROVIDER, simModelInfos } from "./catalog";
import { getCatalog, refreshConfiguredCatalogs } from "./catalog-refresh";
import { parseModelId } from "./ids";
import { createSimLanguageModel } from "./sim/language-model";
import type { SimSpeed } from "./sim/timing";
import type { AvailableModel, ModelInfo, Reachability } from "./types";

export const APP_TITLE = "Quorum";
export const OPENROUTER_KEY_MISSING =
  "Add an OpenRouter API key (OPENROUTER_API_KEY) to use this model.";

export type EndpointConfig = { name: string; baseURL: string; apiKey?: string };

export type ModelRegistryConfig = {
  openrouter?: { apiKey: string; baseURL: string; appUrl: string; appTitle: string };
  endpoints: EndpointConfig[];
  simSpeed: SimSpeed;
  /** OpenRouter and endpoint models (see getCatalog); simulated models are always added. */
  catalog: ModelInfo[];
  /** Passed to the HTTP providers; tests use it to observe requests. */
  fetch?: typeof fetch;
  /** Why OpenRouter models are unreachable without a key (users add theirs in Settings). */
  openrouterKeyMissing?: string;
};

export type ReasoningEffort = "low" | "medium" | "high";

/** A model ready for the fusion engine (matches lib/fusion's ResolvedModel). */
export type ResolvedModel = {
  model: LanguageModelV3;
  /** USD per million tokens from the catalog; null when the model is not in it. */
  pricing: { inputPerMTok: number | null; outputPerMTok: number | null } | null;
  providerOptions?: (opts: {
    reasoningEffort?: ReasoningEffort;
  }) => Record<string, Record<string, JSONValue>> | undefined;
};

export type ModelRegistry = {
  /** Throws ModelUnavailableError when the id is malformed, unknown or not configured. */
  languageModel(id: string): LanguageModelV3;
  /** The model with its pricing and provider options; throws like languageModel. */
  resolve(id: string): ResolvedModel;
  /** Catalog data (names, prices per million tokens) for cost and display; undefined if unknown. */
  info(id: string): ModelInfo | undefined;
  /** Simulated models, then OpenRouter's, then each configured endpoint's. */
  list(): ModelInfo[];
  reachable(id: string): Reachability;
};

/** A model that cannot be used as asked; the message says why and is safe to show. */
export class ModelUnavailableError extends QuorumError {
  constructor(
    readonly modelId: string,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = "ModelUnavailableError";
  }
}

type Resolution =
  | { ok: true; create: () => LanguageModelV3 }
  | { ok: false; code: ErrorCode; reason: string };

export function createModelRegistry(config: ModelRegistryConfig): ModelRegistry {
  const sims = simModelInfos();
  const endpoints = new Map(config.endpoints.map((e) => [e.name, e]));
  // Rows of endpoints that are no longer configured may linger in the cache: hide them.
  const catalog = config.catalog.filter(
    (m) => m.provider === OPENROUTER_PROVIDER || endpoints.has(m.provider),
  );
  const byId = new Map([...sims, ...catalog].map((m) => [m.id, m]));

  let openrouter: OpenRouterProvider | undefined;
  const compatible = new Map<string, OpenAICompatibleProvider>();

  function openRouterProvider(settings: NonNullable<ModelRegistryConfig["openrouter"]>) {
    openrouter ??= createOpenRouter({
      baseURL: settings.baseURL,
      apiKey: settings.apiKey,
      // appUrl/appName set HTTP-Referer and X-OpenRouter-Title, OpenRouter's attribution headers.
      appUrl: settings.appUrl,
      appName: settings.appTitle,
      // X-Title is the attribution header OpenRouter documents first; send both spellings.
      headers: { "X-Title": settings.appTitle },
      // The provider defaults to "compatible", which omits stream_options.include_usage, and
      // then streamed calls report no tokens or cost. We talk to OpenRouter (or a faithful fake).
      compatibility: "strict",
      ...(config.fetch ? { fetch: config.fetch } : {}),
    });
    return openrouter;
  }

  function endpointProvider(endpoint: EndpointConfig) {
    let provider = compatible.get(endpoint.name);
    if (!provider) {
      provider = createOpenAICompatible({
        name: endpoint.name,
        baseURL: endpoint.baseURL,
        ...(endpoint.apiKey ? { apiKey: endpoint.apiKey } : {}),
        supportsStructuredOutputs: true,
        // Without it streamed responses carry no token counts, so cost could not be computed.
        includeUsage: true,
        ...(config.fetch ? { fetch: config.fetch } : {}),
      });
      compatible.set(endpoint.name, provider);
    }
    return provider;
  }

  function resolve(id: string): Resolution {
    const parsed = parseModelId(id);
    if (!parsed) {
      return {
        ok: false,
        code: "bad_request:model",
        reason: `"${id}" is not a model id: expected the form provider:model, e.g. sim:atlas or openrouter:anthropic/claude-opus-4.7.`,
      };
    }
    const { provider, upstreamId } = parsed;
    if (provider === SIM_PROVIDER) {
      if (!byId.has(id)) {
        const known = sims.map((m) => m.id).join(", ");
        return {
          ok: false,
          code: "not_found:model",
          reason: `Unknown simulated model "${id}"; the simulated models are ${known}.`,
        };
      }
      return { ok: true, create: () => createSimLanguageModel(id, { speed: config.simSpeed }) };
    }
    if (provider === OPENROUTER_PROVIDER) {
      const settings = config.openrouter;
      if (!settings) {
        return {
          ok: false,
          code: "bad_request:model",
          reason: config.openrouterKeyMissing ?? OPENROUTER_KEY_MISSING,
        };
      }
      // Ids missing from a possibly stale catalog are still tried: OpenRouter is the judge.
      return {
        ok: true,
        // usage.include asks OpenRouter for usage accounting, which carries `usage.cost`.
        create: () => openRouterProvider(settings).chat(upstreamId, { usage: { include: true } }),
      };
    }
    const endpoint = endpoints.get(provider);
    if (!endpoint) {
      return {
        ok: false,
        code: "not_found:model",
        reason: `"${id}" names the provider "${provider}", which is not configured: expected sim, openrouter or an endpoint from QUORUM_ENDPOINTS (provider:model).`,
      };
    }
    return { ok: true, create: () => endpointProvider(endpoint).chatModel(upstreamId) };
  }

  function languageModel(id: string): LanguageModelV3 {
    const resolution = resolve(id);
    if (!resolution.ok) throw new ModelUnavailableError(id, resolution.code, resolution.reason);
    return resolution.create();
  }

  /** Each provider spells reasoning effort its own way; simulated models take none. */
  function reasoningOptions(id: string, effort: ReasoningEffort) {
    const provider = parseModelId(id)?.provider;
    if (provider === OPENROUTER_PROVIDER) {
      // Models that cannot reason reject the parameter, so only send it where it is supported.
      return byId.get(id)?.capabilities.reasoning
        ? { openrouter: { reasoning: { effort } } }
        : undefined;
    }
    if (provider && endpoints.has(provider)) return { [provider]: { reasoningEffort: effort } };
    return undefined;
  }

  return {
    languageModel,
    resolve(id) {
      const model = languageModel(id);
      const info = byId.get(id);
      return {
        model,
        pricing: info
          ? { inputPerMTok: info.inputPricePerMTok, outputPerMTok: info.outputPricePerMTok }
          : null,
        providerOptions: ({ reasoningEffort }) =>
          reasoningEffort ? reasoningOptions(id, reasoningEffort) : undefined,
      };
    },
    info: (id) => byId.get(id),
    list: () => [
      ...sims,
      ...catalog.filter((m) => m.provider === OPENROUTER_PROVIDER),
      ...config.endpoints.flatMap((e) => catalog.filter((m) => m.provider === e.name)),
    ],
    reachable(id) {
      const resolution = resolve(id);
      return resolution.ok ? { ok: true } : { ok: false, reason: resolution.reason };
    },
  };
}

/** Registry settings from the validated environment. */
export function registryConfigFromEnv(env: Env, catalog: ModelInfo[]): ModelRegistryConfig {
  return {
    ...(env.OPENROUTER_API_KEY
      ? {
          openrouter: {
            apiKey: env.OPENROUTER_API_KEY,
            baseURL: env.OPENROUTER_BASE_URL,
            appUrl: env.QUORUM_APP_URL,
            appTitle: APP_TITLE,
          },
        }
      : {}),
    endpoints: env.QUORUM_ENDPOINTS,
    simSpeed: env.QUORUM_SIM_SPEED,
    catalog,
  };
}

// On globalThis so Next's dev reloads and separately bundled routes share one instance.
const globalForRegistry = globalThis as typeof globalThis & {
  __quorumModelRegistry?: { env: Env; db: Db; stamp: string; registry: ModelRegistry };
};

/**
 * The server's registry. Rebuilt when the cached catalog changes (any provider's fetch time in
 * `meta`, also when another process refreshed it), otherwise reused.
 */
export function getModelRegistry(): ModelRegistry {
  const env = getEnv();
  const db = getDb();
  const stamp = catalogStamp(db);
  const cached = globalForRegistry.__quorumModelRegistry;
  if (cached && cached.env === env && cached.db === db && cached.stamp === stamp) {
    return cached.registry;
  }
  const registry = createModelRegistry(registryConfigFromEnv(env, getCatalog(db)));
  globalForRegistry.__quorumModelRegistry = { env, db, stamp, registry };
  return registry;
}

/**
 * Every model the app knows, in display order: simulated, then OpenRouter (listed even without
 * a key, marked unreachable with the reason, so users see what a key would unlock), then
 * custom endpoints. Never throws for a provider being down.
 */
export async function listAvailableModels(): Promise<AvailableModel[]> {
  await refreshConfiguredCatalogs({ db: getDb(), env: getEnv() });
  const registry = getModelRegistry();
  return registry.list().map((model) => {
    const reach = registry.reachable(model.id);
    return { ...model, reachable: reach.ok, unreachableReason: reach.ok ? null : reach.reason };
  });
}

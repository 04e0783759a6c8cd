import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/** Times are integer milliseconds since the epoch throughout. */

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").unique(),
  name: text("name").notNull(),
  /** `scrypt$N$r$p$salt$hash` (lib/auth/password.ts); null for OAuth-only users and `local`. */
  passwordHash: text("password_hash"),
  createdAt: integer("created_at").notNull(),
});

/** An OAuth identity (GitHub, Google) that signs in as a user. */
export const oauthAccounts = sqliteTable(
  "oauth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("oauth_accounts_user").on(t.userId),
  ],
);

/**
 * A user's API key for a built-in provider (`openrouter`, `anthropic`, `openai`, `google`).
 * The key is encrypted (lib/crypto.ts, owner = user id); `key_hint` is its masked form, so
 * listing keys never decrypts them.
 */
export const providerKeys = sqliteTable(
  "provider_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    encryptedKey: text("encrypted_key").notNull(),
    keyHint: text("key_hint").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.provider] })],
);

/** A user's custom OpenAI-compatible endpoint; its name is the model id prefix. */
export const userEndpoints = sqliteTable(
  "user_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseUrl: text("base_url").notNull(),
    encryptedKey: text("encrypted_key"),
    keyHint: text("key_hint"),
    /** JSON ModelInfo[] from the endpoint's last successful `GET /models`. */
    models: text("models").notNull().default("[]"),
    modelsFetchedAt: integer("models_fetched_at"),
    /** Last listing failure (message safe to show) and when, for back-off. */
    lastError: text("last_error"),
    lastAttemptAt: integer("last_attempt_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("user_endpoints_user_name").on(t.userId, t.name)],
);

/** Cached model catalog: OpenRouter's `GET /models` plus custom endpoints' models. */
export const catalogModels = sqliteTable("catalog_models", {
  /** Quorum model id, `provider:upstream`, e.g. `openrouter:anthropic/claude-opus-4.7`. */
  id: text("id").primaryKey(),
  /** `openrouter` or a custom endpoint's name. */
  provider: text("provider").notNull(),
  upstreamId: text("upstream_id").notNull(),
  name: text("name").notNull(),
  contextLength: integer("context_length"),
  /** USD per million input tokens; null when unknown. */
  inputPricePerMTok: real("input_price_per_mtok"),
  /** USD per million output tokens; null when unknown. */
  outputPricePerMTok: real("output_price_per_mtok"),
  /** JSON array of parameter names the upstream model supports. */
  supportedParameters: text("supported_parameters").notNull(),
  /** JSON of the upstream catalog entry, as fetched. */
  raw: text("raw").notNull(),
  fetchedAt: integer("fetched_at").notNull(),
});

/** Small key/value store, e.g. when the catalog was last refreshed. */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** A user's saved, named panel: JSON of lib/fusion PanelConfig (defaults filled in). */
export const panels = sqliteTable(
  "panels",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    config: text("config").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // Names are unique per user: the room's picker lists panels by name.
  (t) => [uniqueIndex("panels_user_name").on(t.userId, t.name)],
);

/**
 * A chat thread. It remembers the panel it last ran with (JSON of lib/fusion PanelConfig) and,
 * when that panel was a saved one used unchanged, which (`panel_id`).
 */
export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    panelConfig: text("panel_config"),
    /** Not a foreign key: SQLite adds one only by rebuilding the table. Checked on read. */
    panelId: text("panel_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("conversations_user_updated").on(t.userId, t.updatedAt)],
);

/**
 * One fusion run: a prompt sent to a panel. Status moves
 * running → judging → synthesizing → done | degraded | failed | cancelled | interrupted.
 */
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    prompt: text("prompt").notNull(),
    status: text("status").notNull(),
    /** JSON: the panel, judge, synthesizer and settings exactly as run. */
    panelSnapshot: text("panel_snapshot").notNull(),
    /**
     * The saved panel this run used unchanged, for its measured average cost; null otherwise.
     * Not a foreign key (adding one rebuilds the table, and a rebuild of `runs` would cascade
     * into `calls`): deleting a panel clears it in db/queries/panels.ts.
     */
    panelId: text("panel_id"),
    /** JSON: the judge's analysis, null when there is none. */
    analysis: text("analysis"),
    /** JSON: response label → panel index. */
    labelMap: text("label_map").notNull().default("{}"),
    /** JSON array of model ids whose call failed. */
    failedModels: text("failed_models").notNull().default("[]"),
    failureReason: text("failure_reason"),
    failureMessage: text("failure_message"),
    /** JSON array of reasons the run is degraded (e.g. judge_not_valid_json). */
    degradedReasons: text("degraded_reasons").notNull().default("[]"),
    answer: text("answer").notNull().default(""),
    costMicroUsd: integer("cost_micro_usd").notNull().default(0),
    unpricedCalls: integer("unpriced_calls").notNull().default(0),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    durationMs: integer("duration_ms"),
    createdAt: integer("created_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("runs_conversation_created").on(t.conversationId, t.createdAt),
    // Activity pages by (created_at, id) per user; status is in the index so a status filter
    // is checked without reading the row.
    index("runs_user_created_id").on(t.userId, t.createdAt, t.id, t.status),
    index("runs_status").on(t.status),
    index("runs_user_panel").on(t.userId, t.panelId),
  ],
);

/** One model call of a run: a panelist, the judge or the synthesizer. */
export const calls = sqliteTable(
  "calls",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** panelist | judge | synthesizer */
    role: text("role").notNull(),
    /** Panel position for panelists; 0 for judge and synthesizer. */
    idx: integer("idx").notNull(),
    model: text("model").notNull(),
    /** queued | thinking | streaming | done | failed | cancelled | interrupted */
    status: text("status").notNull(),
    text: text("text").notNull().default(""),
    reasoning: text("reasoning").notNull().default(""),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    costMicroUsd: integer("cost_micro_usd"),
    /** provider | catalog | unknown */
    costSource: text("cost_source").notNull().default("unknown"),
    ttftMs: integer("ttft_ms"),
    latencyMs: integer("latency_ms"),
    attempts: integer("attempts").notNull().default(0),
    /** JSON CallError, null when the call did not fail. */
    error: text("error"),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    uniqueIndex("calls_run_role_idx").on(t.runId, t.role, t.idx),
    // Activity's model filter, both ways round (db/queries/activity.ts picks one): "which of
    // my runs called model X" for a rarely used model, "did this run call X" for a common one.
    index("calls_model_user_run").on(t.model, t.userId, t.runId),
    index("calls_run_model").on(t.runId, t.model),
  ],
);

/**
 * Activity totals per user, UTC day, run status and model, kept by
 * db/queries/activity-rollup.ts whenever a run finishes (recomputed for that user and day, so
 * it is idempotent). `model` '*' rows add up whole runs; a model's rows add up the runs that
 * used it (run_* columns) and that model's own calls (call_* columns).
 */
export const activityDaily = sqliteTable(
  "activity_daily",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Days since the epoch, UTC: floor(created_at / 86 400 000). */
    day: integer("day").notNull(),
    status: text("status").notNull(),
    model: text("model").notNull(),
    runs: integer("runs").notNull(),
    runInputTokens: integer("run_input_tokens").notNull(),
    runOutputTokens: integer("run_output_tokens").notNull(),
    runCostMicroUsd: integer("run_cost_micro_usd").notNull(),
    calls: integer("calls").notNull(),
    callInputTokens: integer("call_input_tokens").notNull(),
    callOutputTokens: integer("call_output_tokens").notNull(),
    callCostMicroUsd: integer("call_cost_micro_usd").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day, t.status, t.model] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type CatalogModelRow = typeof catalogModels.$inferSelect;
export type NewCatalogModelRow = typeof catalogModels.$inferInsert;
export type Conversation = typeof conversations.$inferSelect;
export type PanelRow = typeof panels.$inferSelect;
export type RunRow = typeof runs.$inferSelect;
export type CallRow = typeof calls.$inferSelect;
export type ProviderKeyRow = typeof providerKeys.$inferSelect;
export type UserEndpointRow = typeof userEndpoints.$inferSelect;

import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Times are integer milliseconds since the epoch throughout. */

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

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

/** A chat thread. It remembers the panel it last ran with (JSON of lib/fusion PanelConfig). */
export const conversations = sqliteTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    panelConfig: text("panel_config"),
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
    index("runs_user_created").on(t.userId, t.createdAt),
    index("runs_status").on(t.status),
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
    index("calls_model").on(t.model),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type CatalogModelRow = typeof catalogModels.$inferSelect;
export type NewCatalogModelRow = typeof catalogModels.$inferInsert;
export type Conversation = typeof conversations.$inferSelect;
export type RunRow = typeof runs.$inferSelect;
export type CallRow = typeof calls.$inferSelect;

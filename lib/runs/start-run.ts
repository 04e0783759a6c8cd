import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { closeOpenCalls } from "@/db/queries/calls";
import {
  createConversation,
  getConversation,
  renameConversation,
  setConversationPanel,
} from "@/db/queries/conversations";
import {
  conversationHistory,
  finishRun,
  getRun,
  insertRunWithCalls,
  LIVE_RUN_STATUSES,
  listRunsOfConversation,
} from "@/db/queries/runs";
import { QuorumError } from "@/lib/errors";
import type { ChatMessage, PanelConfig, PanelConfigDraft } from "@/lib/fusion/input";
import { panelConfigSchema } from "@/lib/fusion/input";
import type { ModelResolver } from "@/lib/fusion/model-call";
import { runFusion } from "@/lib/fusion/run-fusion";
import { getModelRegistryForUser } from "@/lib/models/user-registry";
import { linkedPanelId } from "@/lib/panels/saved-panels";
import { activeRuns } from "./active-runs";
import { createRunPersister } from "./persist";
import { getRunHub, type RunHub } from "./run-hub";
import { checkMessages, parsePanel, parsePrompt, resolveAll, titleOf } from "./run-input";
import { newRunView } from "./run-view";

export { MAX_PROMPT_CHARS, RunInputError, titleOf } from "./run-input";

/** Title of a conversation created before its first prompt; the first prompt replaces it. */
export const DEFAULT_CONVERSATION_TITLE = "New conversation";

/** Dependencies tests replace: the model resolver (default: the user's registry) and hub. */
export type RunDeps = { resolve?: ModelResolver; hub?: RunHub };

export type StartRunParams = RunDeps & {
  db: Db;
  userId: string;
  conversationId?: string;
  prompt: string;
  panel: PanelConfigDraft;
  /** The saved panel picked in the room; the run links to it only if `panel` is unchanged. */
  panelId?: string | null;
};

export type StartedRun = {
  runId: string;
  conversationId: string;
  /** Set when starting a run named or renamed the conversation, so the client can list it. */
  conversationTitle?: string;
};

/**
 * Validates and starts a run; returns as soon as it is written and running. The engine runs
 * detached from the caller (a request may end, a browser may leave): watchers follow it
 * through the hub, and the persister writes it to the database as it goes.
 */
export async function startRun(params: StartRunParams): Promise<StartedRun> {
  const { db, userId } = params;
  const prompt = parsePrompt(params.prompt);
  const config = parsePanel(params.panel);
  const resolve = resolveAll(config, params.resolve ?? userResolver(db, userId));

  let conversationId = params.conversationId;
  let history: ChatMessage[] = [];
  let untitled = false;
  if (conversationId !== undefined) {
    const conversation = getConversation(db, { userId, conversationId });
    if (!conversation) {
      throw new QuorumError("not_found:conversation", "This conversation does not exist.");
    }
    history = conversationHistory(db, { userId, conversationId });
    untitled =
      conversation.title === DEFAULT_CONVERSATION_TITLE &&
      listRunsOfConversation(db, { userId, conversationId }).length === 0;
  }
  const messages = checkMessages(config, [...history, { role: "user", content: prompt }]);
  // Everything is valid: from here on, write.
  const title = titleOf(prompt);
  if (conversationId === undefined) {
    conversationId = createConversation(db, { userId, title }).id;
  } else if (untitled) {
    renameConversation(db, { userId, conversationId, title });
  }
  const panelId = linkedPanelId({ db, userId, panelId: params.panelId, config });
  setConversationPanel(db, { userId, conversationId, panelConfig: config, panelId });
  const started = await launch({
    db,
    userId,
    conversationId,
    prompt,
    config,
    panelId,
    messages,
    resolve,
    hub: params.hub,
  });
  const named = conversationId !== params.conversationId || untitled;
  return named ? { ...started, conversationTitle: title } : started;
}

/** Stops a run. A finished run is left as it is; someone else's run is not found. */
export async function cancelRun(params: { db: Db; userId: string; runId: string }): Promise<void> {
  const { db, userId, runId } = params;
  const run = getRun(db, { userId, runId });
  if (!run) throw new QuorumError("not_found:run", "This run does not exist.");
  const active = activeRuns().get(runId);
  if (active && active.userId === userId) {
    // The engine reacts by cancelling every call; the persister records it from run.cancelled.
    active.controller.abort();
    return;
  }
  // "Running" in the database but not executing here: an orphan. Close it so it stops spinning.
  if ((LIVE_RUN_STATUSES as readonly string[]).includes(run.status)) {
    closeOpenCalls(db, { userId, runId, status: "cancelled" });
    finishRun(db, { userId, runId, status: "cancelled", totals: null, finishedAt: Date.now() });
  }
}

/**
 * Runs a run again, as a new run at the end of the same conversation: same prompt, same panel
 * snapshot, and the history the original saw (the runs before it).
 */
export async function retryRun(
  params: RunDeps & { db: Db; userId: string; runId: string },
): Promise<StartedRun> {
  const { db, userId, runId } = params;
  const run = getRun(db, { userId, runId });
  if (!run) throw new QuorumError("not_found:run", "This run does not exist.");
  const parsed = panelConfigSchema.safeParse(safeJson(run.panelSnapshot));
  if (!parsed.success) {
    throw new QuorumError("bad_request:run", "This run's panel cannot be read; start a new run.");
  }
  const config = parsed.data;
  const resolve = resolveAll(config, params.resolve ?? userResolver(db, userId));
  const history = conversationHistory(db, {
    userId,
    conversationId: run.conversationId,
    beforeRunId: runId,
  });
  const messages = checkMessages(config, [...history, { role: "user", content: run.prompt }]);
  return launch({
    db,
    userId,
    conversationId: run.conversationId,
    prompt: run.prompt,
    config,
    // Same snapshot as the original: linked if that is still exactly the saved panel.
    panelId: linkedPanelId({ db, userId, panelId: run.panelId, config }),
    messages,
    resolve,
    hub: params.hub,
  });
}

/** The user's models: what their keys (or the server's) reach, plus the simulated ones. */
function userResolver(db: Db, userId: string): ModelResolver {
  return (id) => getModelRegistryForUser(userId, { db }).resolve(id);
}

function launch(args: {
  db: Db;
  userId: string;
  conversationId: string;
  prompt: string;
  config: PanelConfig;
  panelId: string | null;
  messages: ChatMessage[];
  resolve: ModelResolver;
  hub: RunHub | undefined;
}): StartedRun {
  const { db, userId, conversationId, prompt, config, panelId } = args;
  const hub = args.hub ?? getRunHub();
  const runId = randomUUID();
  const createdAt = Date.now();
  insertRunWithCalls(db, {
    userId,
    run: { id: runId, conversationId, prompt, panelSnapshot: config, panelId, createdAt },
    calls: [
      ...config.panel.map((p, idx) => ({ role: "panelist" as const, idx, model: p.model })),
      { role: "judge", idx: 0, model: config.judge.model },
      { role: "synthesizer", idx: 0, model: config.synthesizer.model },
    ],
  });
  hub.open(
    newRunView({
      id: runId,
      conversationId,
      prompt,
      createdAt,
      panel: config.panel.map((p) => p.model),
      judge: config.judge.model,
      synthesizer: config.synthesizer.model,
    }),
  );

  const controller = new AbortController();
  const persister = createRunPersister({ db, userId, runId });
  const done = runFusion(
    { ...config, messages: args.messages },
    { resolve: args.resolve },
    {
      signal: controller.signal,
      // Persist first: once watchers see the final event, the database already holds it.
      emit: (event) => {
        persister.handle(event);
        hub.publish(runId, event);
      },
    },
  )
    .then(() => undefined)
    .catch((error: unknown) => {
      console.error(`quorum: run ${runId} crashed`, error);
      persister.flush();
      markCrashed(db, userId, runId);
    })
    .finally(() => {
      persister.dispose();
      activeRuns().delete(runId);
      // Watchers still attached are told, and fall back to the database's final state.
      hub.close(runId);
    });
  activeRuns().set(runId, { userId, controller, done });
  return { runId, conversationId };
}

/** The engine threw instead of reporting (a bug): the run must not stay "running" forever. */
function markCrashed(db: Db, userId: string, runId: string): void {
  try {
    closeOpenCalls(db, { userId, runId, status: "interrupted" });
    finishRun(db, {
      userId,
      runId,
      status: "failed",
      totals: null,
      failureReason: null,
      failureMessage:
        "The run stopped unexpectedly. Retry it, and report the problem if it repeats.",
      finishedAt: Date.now(),
    });
  } catch (error) {
    console.error(`quorum: run ${runId}: recording the crash failed`, error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

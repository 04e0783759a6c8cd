"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { cancelRunAction, retryRunAction, startRunAction } from "@/app/(room)/actions";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import { type SavedPanel, samePanel } from "@/lib/panels/config";
import { isFinished, newRunView, type RunView } from "@/lib/runs/run-view";
import { BuilderDialog } from "../panels/builder-dialog";
import { SAVED_PANELS_KEY, useSavedPanels } from "../panels/use-saved-panels";
import { panelProblem } from "../panels/validation";
import { Composer } from "./composer";
import { type ModelOption, ModelsProvider } from "./models-context";
import { PanelBar } from "./panel-bar";
import { RunCard } from "./run-card";
import { seedRun } from "./run-stream-store";
import { touchConversation } from "./touched-conversations";
import { useRunStatus } from "./use-run-stream";
import { useStickToBottom } from "./use-stick-to-bottom";

export type RoomProps = {
  conversation: { id: string; title: string } | null;
  runs: RunView[];
  models: ModelOption[];
  initialPanel: PanelConfigDraft;
  /** The saved panel `initialPanel` came from, if any. */
  initialSavedId: string | null;
  savedPanels: SavedPanel[];
};

/** Server runs, plus runs started here that the server render does not include yet. */
function mergeRuns(server: readonly RunView[], local: readonly RunView[]): RunView[] {
  const known = new Set(server.map((r) => r.id));
  return [...server, ...local.filter((r) => !known.has(r.id))].sort(
    (a, b) => a.createdAt - b.createdAt,
  );
}

/** The chatroom: the panel bar, the conversation's runs (oldest first) and the composer. */
export function Room(props: RoomProps) {
  return (
    <ModelsProvider models={props.models}>
      <RoomInner {...props} />
    </ModelsProvider>
  );
}

function RoomInner({
  conversation,
  runs,
  models,
  initialPanel,
  initialSavedId,
  savedPanels: initialSavedPanels,
}: RoomProps) {
  const [panel, setPanel] = useState(initialPanel);
  const [savedId, setSavedId] = useState(initialSavedId);
  const [editing, setEditing] = useState(false);
  const savedPanels = useSavedPanels(initialSavedPanels);
  const saved = savedPanels.find((p) => p.id === savedId) ?? null;
  const modified = useMemo(() => saved !== null && !samePanel(panel, saved.config), [panel, saved]);
  const [localRuns, setLocalRuns] = useState<RunView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const conversationId = useRef(conversation?.id ?? null);
  const thread = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);

  // "New conversation" after this room took a /c/<id> address in place lands on the same
  // page instance (same route, same key): start over instead of continuing that conversation.
  const pathname = usePathname();
  useEffect(() => {
    if (conversation === null && pathname === "/" && conversationId.current !== null) {
      conversationId.current = null;
      setLocalRuns([]);
      setError(null);
    }
  }, [conversation, pathname]);

  const allRuns = useMemo(() => mergeRuns(runs, localRuns), [runs, localRuns]);
  const latest = allRuns.at(-1) ?? null;
  const latestStatus = useRunStatus(latest);
  const live = latestStatus !== null && !isFinished(latestStatus);
  const problem = panelProblem(panel, byId);

  // A run that finishes here changes its saved panel's measured cost (a run already finished
  // when the room opened does not: the server rendered the current numbers).
  const queryClient = useQueryClient();
  const wasLive = useRef(false);
  useEffect(() => {
    if (wasLive.current && !live)
      void queryClient.invalidateQueries({ queryKey: SAVED_PANELS_KEY });
    wasLive.current = live;
  }, [live, queryClient]);

  // While the panel streams, its columns scroll on their own and the thread stays put with the
  // run's top in view; from the analysis on, the thread follows the newest text like a chat.
  const onThreadScroll = useStickToBottom(
    thread,
    latestStatus === "judging" || latestStatus === "synthesizing",
  );
  const latestId = latest?.id ?? null;
  const panelPhase = useRef(false);
  panelPhase.current = latestStatus === "running";
  const opened = useRef(false);
  useEffect(() => {
    const el = thread.current;
    if (!el || latestId === null) return;
    const first = !opened.current;
    opened.current = true;
    if (first && !panelPhase.current) {
      el.scrollTop = el.scrollHeight; // Opening a conversation: show where it ended.
      return;
    }
    const runs = el.querySelectorAll<HTMLElement>('[data-testid="run"]');
    runs[runs.length - 1]?.scrollIntoView({ block: "start" });
  }, [latestId]);

  const addRun = useCallback(
    (
      run: { runId: string; conversationId: string; conversationTitle?: string },
      prompt: string,
      config: PanelConfigDraft,
    ) => {
      const view = newRunView({
        id: run.runId,
        conversationId: run.conversationId,
        prompt,
        createdAt: Date.now(),
        panel: config.panel.map((p) => p.model),
        judge: config.judge.model,
        synthesizer: config.synthesizer.model,
      });
      seedRun(view);
      setLocalRuns((list) => [...list, view]);
      touchConversation({
        id: run.conversationId,
        updatedAt: view.createdAt,
        ...(run.conversationTitle ? { title: run.conversationTitle } : {}),
      });
      if (conversationId.current === null) {
        conversationId.current = run.conversationId;
        // The conversation gets its address without a navigation: router.replace would
        // remount this page mid-stream and, worse, queue every server action behind its
        // fetch (Next runs them one at a time), so a quick Stop could wait seconds. Next's
        // router picks the URL up from history (usePathname follows), a reload renders
        // /c/<id>, and the next revalidating action swaps in the /c/<id> page; the run store
        // keeps the live run across that remount. The sidebar lists the new conversation from
        // touchConversation above.
        window.history.replaceState(null, "", `/c/${run.conversationId}`);
      }
    },
    [],
  );

  const send = useCallback(
    async (prompt: string) => {
      setError(null);
      const result = await startRunAction({
        ...(conversationId.current ? { conversationId: conversationId.current } : {}),
        prompt,
        panel,
        // The server links the run to it only if the panel is still exactly the saved one.
        panelId: savedId,
      });
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      addRun(result, prompt, panel);
      return true;
    },
    [panel, savedId, addRun],
  );

  const stop = useCallback(async (runId: string) => {
    const result = await cancelRunAction(runId);
    return result.ok ? null : (result.error ?? "The run could not be stopped.");
  }, []);

  const retry = useCallback(
    async (runId: string) => {
      const original = allRuns.find((r) => r.id === runId);
      const result = await retryRunAction(runId);
      if (!result.ok) return result.error;
      if (original) {
        addRun(result, original.prompt, {
          panel: original.panel.map((c) => ({ model: c.model })),
          judge: { model: original.judge.model },
          synthesizer: { model: original.synthesizer.model },
        });
      }
      return null;
    },
    [allRuns, addRun],
  );

  const stopLatest = useCallback(async () => {
    if (!latest) return;
    const problem = await stop(latest.id);
    setError(problem);
  }, [latest, stop]);

  // Lets tests (and only tests) wait until the controls respond.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  return (
    <div className="flex h-full min-h-0 flex-col" data-hydrated={hydrated ? "true" : undefined}>
      <h1 className="sr-only">{conversation?.title ?? "New conversation"}</h1>
      <PanelBar
        panel={panel}
        onChange={setPanel}
        disabled={false}
        savedPanels={savedPanels}
        savedId={saved ? saved.id : null}
        modified={modified}
        onPick={(picked) => {
          setSavedId(picked?.id ?? null);
          if (picked) setPanel(picked.config);
        }}
        onEdit={() => setEditing(true)}
      />
      {editing ? (
        <BuilderDialog
          panel={panel}
          savedId={saved ? saved.id : null}
          savedPanels={savedPanels}
          onUse={(next, id) => {
            setPanel(next);
            setSavedId(id);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <div
        ref={thread}
        onScroll={onThreadScroll}
        className="min-h-0 flex-1 overflow-y-auto"
        data-testid="thread"
      >
        <div className="mx-auto flex max-w-[110rem] flex-col gap-10 px-4 py-6">
          {allRuns.length === 0 ? <EmptyRoom /> : null}
          {allRuns.map((run, i) => (
            <RunCard key={run.id} initial={run} index={i} onStop={stop} onRetry={retry} />
          ))}
        </div>
      </div>
      <Composer
        onSend={send}
        onStop={stopLatest}
        live={live}
        blockedReason={problem}
        error={error}
        placeholder={allRuns.length > 0 ? "Ask a follow-up…" : "Ask the panel anything…"}
      />
    </div>
  );
}

function EmptyRoom() {
  return (
    <div className="mx-auto mt-16 max-w-xl text-center text-zinc-600 dark:text-zinc-400">
      <p className="text-lg font-medium text-zinc-900 dark:text-zinc-100">Ask the panel</p>
      <p className="mt-2 text-sm">
        Your prompt goes to every panelist at once. A judge compares their answers — where they
        agree, where they contradict each other, what only one noticed, what all missed — and a
        synthesizer writes the final answer. Simulated models work offline.
      </p>
    </div>
  );
}

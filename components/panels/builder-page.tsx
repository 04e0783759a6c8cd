"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import type { ModelOption } from "@/lib/models/model-option";
import type { SavedPanel } from "@/lib/panels/config";
import { ModelsProvider } from "../room/models-context";
import { BlockedReason, type BuilderActions, PanelBuilder } from "./panel-builder";

/** `/panels`: the builder on its own page; its main action runs the panel in the room. */
export function BuilderPage({
  models,
  savedPanels,
  initialConfig,
  initialSavedId,
  missing,
}: {
  models: ModelOption[];
  savedPanels: SavedPanel[];
  initialConfig: PanelConfigDraft | null;
  initialSavedId: string | null;
  /** The address named a saved panel that does not exist (or is not this user's). */
  missing: boolean;
}) {
  // Lets tests (and only tests) wait until the controls respond.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <ModelsProvider models={models}>
      <div className="h-full min-h-0" data-hydrated={hydrated ? "true" : undefined}>
        <PanelBuilder
          title={
            <div>
              <h1 className="text-xl font-semibold tracking-tight">Panel builder</h1>
              {missing ? (
                <p className="text-sm text-amber-800 dark:text-amber-300">
                  That saved panel does not exist; here is a new one.
                </p>
              ) : null}
            </div>
          }
          initialConfig={initialConfig}
          initialSavedId={initialSavedId}
          savedPanels={savedPanels}
          // The address names the open panel, so a reload reopens it. No navigation: the
          // builder keeps its state (Next's router follows history.replaceState).
          onSaved={(panel) => window.history.replaceState(null, "", `/panels?id=${panel.id}`)}
          actions={RunInRoom}
        />
      </div>
    </ModelsProvider>
  );
}

const RunInRoom: BuilderActions = ({ state, saving }) => (
  <RunInRoomButton state={state} saving={saving} />
);

function RunInRoomButton({ state, saving }: Parameters<BuilderActions>[0]) {
  const router = useRouter();
  const id = useId();
  const reason = state.problems.runBlocker;
  async function go() {
    // The room runs saved panels by id: save first, so the run is linked and measured.
    let panelId = state.savedId;
    if (panelId === null || state.modified) {
      const saved = await saving.saveDraft();
      if (!saved) return;
      panelId = saved.id;
    }
    router.push(`/?panel=${encodeURIComponent(panelId)}`);
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className="btn-primary text-sm"
        disabled={reason !== null || saving.pending}
        aria-describedby={reason ? `${id}-reason` : undefined}
        onClick={() => void go()}
      >
        {state.savedId === null || state.modified ? "Save and run in the room" : "Run in the room"}
      </button>
      <BlockedReason id={`${id}-reason`} reason={reason} />
    </div>
  );
}

"use client";

import { useId } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import type { SavedPanel } from "@/lib/panels/config";
import { BlockedReason, PanelBuilder } from "./panel-builder";

/**
 * The builder over the whole room ("Edit panel"). It edits a copy of the room's panel; "Use
 * this panel" hands it back, Cancel or Escape drops the changes. A panel with a model the user
 * cannot reach may still be used: the composer then says why it cannot send.
 */
export function BuilderDialog({
  panel,
  savedId,
  savedPanels,
  onUse,
  onClose,
}: {
  panel: PanelConfigDraft;
  savedId: string | null;
  savedPanels: SavedPanel[];
  onUse: (panel: PanelConfigDraft, savedId: string | null) => void;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const id = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-0 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <PanelBuilder
        title={
          <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
            Edit panel
          </h2>
        }
        initialConfig={panel}
        initialSavedId={savedId}
        savedPanels={savedPanels}
        actions={({ state }) => {
          const reason = state.problems.saveBlocker;
          return (
            <>
              <button
                type="button"
                className="btn-ghost text-sm"
                onClick={() => ref.current?.close()}
              >
                Cancel
              </button>
              <div className="flex flex-col items-end gap-1">
                <button
                  type="button"
                  className="btn-primary text-sm"
                  disabled={state.config === null || reason !== null}
                  aria-describedby={reason ? `${id}-reason` : undefined}
                  onClick={() => {
                    if (state.config === null) return;
                    onUse(state.config, state.savedId);
                    ref.current?.close();
                  }}
                >
                  Use this panel
                </button>
                <BlockedReason id={`${id}-reason`} reason={reason} />
              </div>
            </>
          );
        }}
      />
    </dialog>
  );
}

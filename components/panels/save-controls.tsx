"use client";

import { useId, useState } from "react";
import { MAX_PANEL_NAME, type SavedPanel } from "@/lib/panels/config";
import type { PanelBuilderState } from "./use-panel-builder";
import { useSavedPanelMutations } from "./use-saved-panels";

type SaveError = { field?: string; message: string };

/** Saves the draft (over the open saved panel, or as a new one); errors land by their field. */
export function useSaveDraft(state: PanelBuilderState) {
  const { save } = useSavedPanelMutations();
  const [error, setError] = useState<SaveError | null>(null);

  async function saveDraft(asNew = false): Promise<SavedPanel | null> {
    if (state.config === null || state.problems.saveBlocker !== null) {
      setError({ message: state.problems.saveBlocker ?? "The panel is not complete." });
      return null;
    }
    const result = await save.mutateAsync({
      ...(state.savedId !== null && !asNew ? { panelId: state.savedId } : {}),
      name: state.name,
      config: state.config,
    });
    if (!result.ok) {
      setError({ ...(result.field ? { field: result.field } : {}), message: result.error });
      return null;
    }
    setError(null);
    state.setSavedId(result.panel.id);
    state.setName(result.panel.name);
    state.announce(`Saved “${result.panel.name}”.`);
    return result.panel;
  }

  return { saveDraft, pending: save.isPending, error, clearError: () => setError(null) };
}

export type SaveDraft = ReturnType<typeof useSaveDraft>;

/** The panel's name, Save and Save as new, and whether what is shown is saved. */
export function SaveControls({
  state,
  saving,
  onSaved,
}: {
  state: PanelBuilderState;
  saving: SaveDraft;
  onSaved?: (panel: SavedPanel) => void;
}) {
  const id = useId();
  const { error } = saving;
  const nameError = error?.field === "name" ? error.message : null;
  const otherError = error && error.field !== "name" ? error.message : null;
  const blocker = state.problems.saveBlocker;
  const status =
    state.savedId === null ? "Not saved yet." : state.modified ? "Unsaved changes." : "Saved.";

  async function run(asNew: boolean) {
    const panel = await saving.saveDraft(asNew);
    if (panel) onSaved?.(panel);
  }

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void run(false);
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-0.5">
        <label htmlFor={`${id}-name`} className="sr-only">
          Panel name
        </label>
        <input
          id={`${id}-name`}
          value={state.name}
          maxLength={MAX_PANEL_NAME}
          placeholder="Name this panel, e.g. Research trio"
          onChange={(e) => {
            state.setName(e.target.value);
            if (nameError) saving.clearError();
          }}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${id}-status`}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p
          id={`${id}-status`}
          data-testid="save-status"
          className={`text-xs ${nameError || otherError ? "text-red-700 dark:text-red-300" : "text-zinc-500"}`}
        >
          {nameError ?? otherError ?? (blocker ? `${status} Cannot save yet: ${blocker}` : status)}
        </p>
      </div>
      <button
        type="submit"
        className="btn-ghost border border-zinc-300 text-sm dark:border-zinc-700"
        disabled={saving.pending || blocker !== null}
      >
        {saving.pending ? "Saving…" : "Save"}
      </button>
      {state.savedId !== null ? (
        <button
          type="button"
          className="btn-ghost border border-zinc-300 text-sm dark:border-zinc-700"
          disabled={saving.pending || blocker !== null}
          onClick={() => void run(true)}
        >
          Save as new
        </button>
      ) : null}
      <button type="button" className="btn-ghost text-sm" onClick={state.startNew}>
        New panel
      </button>
    </form>
  );
}

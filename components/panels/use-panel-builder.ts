"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { MAX_PANELISTS, type PanelConfigDraft } from "@/lib/fusion/input";
import type { Preset } from "@/lib/fusion/presets";
import { type SavedPanel, samePanel } from "@/lib/panels/config";
import { useModels } from "../room/models-context";
import { useAnnouncer } from "./announcer";
import { estimateRun } from "./cost-estimate";
import * as ops from "./panel-draft";
import { checkDraft } from "./validation";

/** A new panel: every slot empty, so the builder's messages say what to add first. */
function emptyDraft(): ops.PanelDraft {
  return { panel: [], judge: { model: null }, synthesizer: { model: null }, settings: {} };
}

/**
 * The builder's state and every edit, each announced in words. Handlers read the latest draft
 * from a ref, so they keep their identity across edits and the memoised catalog cards do not
 * re-render when the panel changes.
 */
export function usePanelBuilder(params: {
  initialConfig: PanelConfigDraft | null;
  initialSavedId: string | null;
  savedPanels: readonly SavedPanel[];
}) {
  const { byId } = useModels();
  const nameOf = useCallback((model: string) => byId.get(model)?.name ?? model, [byId]);
  const { announce, message, n } = useAnnouncer();

  const [draft, setDraftState] = useState(() =>
    params.initialConfig ? ops.fromConfig(params.initialConfig) : emptyDraft(),
  );
  const latest = useRef(draft);
  const setDraft = useCallback((next: ops.PanelDraft) => {
    latest.current = next;
    setDraftState(next);
  }, []);
  /** A refusal to show next to the panel (a 9th panelist); cleared by the next change. */
  const [notice, setNotice] = useState<string | null>(null);

  const [savedId, setSavedId] = useState(params.initialSavedId);
  const saved = params.savedPanels.find((p) => p.id === savedId) ?? null;
  const [name, setName] = useState(saved?.name ?? "");

  const add = useCallback(
    (model: string, at?: number) => {
      const d = latest.current;
      if (ops.isFull(d)) {
        const refusal = `A panel has at most ${MAX_PANELISTS} panelists. Remove one before adding ${nameOf(model)}.`;
        setNotice(refusal);
        announce(refusal);
        return;
      }
      const next = ops.addPanelist(d, model, at);
      const position = Math.min(at ?? d.panel.length, d.panel.length) + 1;
      setDraft(next);
      setNotice(null);
      announce(
        `Added ${nameOf(model)} to the panel as panelist ${position} of ${next.panel.length}.`,
      );
    },
    [announce, nameOf, setDraft],
  );

  const setRole = useCallback(
    (role: ops.Role, model: string) => {
      setDraft(ops.setRoleModel(latest.current, role, model));
      announce(`${nameOf(model)} is now the ${role}.`);
    },
    [announce, nameOf, setDraft],
  );

  const clearRole = useCallback(
    (role: ops.Role) => {
      setDraft(ops.setRoleModel(latest.current, role, null));
      announce(`Removed the ${role}. Choose another before running.`);
    },
    [announce, setDraft],
  );

  const remove = useCallback(
    (index: number) => {
      const d = latest.current;
      const slot = d.panel[index];
      if (!slot) return;
      setDraft(ops.removePanelist(d, index));
      setNotice(null);
      announce(`Removed ${nameOf(slot.model)}, panelist ${index + 1}. ${d.panel.length - 1} left.`);
    },
    [announce, nameOf, setDraft],
  );

  const move = useCallback(
    (from: number, to: number) => {
      const d = latest.current;
      const slot = d.panel[from];
      if (!slot || to < 0 || to >= d.panel.length || to === from) return;
      setDraft(ops.movePanelist(d, from, to));
      announce(`Moved ${nameOf(slot.model)} to position ${to + 1} of ${d.panel.length}.`);
    },
    [announce, nameOf, setDraft],
  );

  const updateSlot = useCallback(
    (index: number, patch: Parameters<typeof ops.updatePanelist>[2]) =>
      setDraft(ops.updatePanelist(latest.current, index, patch)),
    [setDraft],
  );
  const updateSettings = useCallback(
    (patch: Partial<ops.SettingsDraft>) => setDraft(ops.updateSettings(latest.current, patch)),
    [setDraft],
  );
  const setInstructions = useCallback(
    (role: ops.Role, text: string | undefined) =>
      setDraft(ops.setInstructions(latest.current, role, text)),
    [setDraft],
  );

  /** Replaces the panel's contents; which saved panel is open, and its name, stay. */
  const applyPreset = useCallback(
    (preset: Preset) => {
      setDraft(ops.fromConfig(preset.panel));
      setNotice(null);
      if (savedId === null && name.trim() === "") setName(preset.name);
      announce(`Applied the ${preset.name} preset: ${preset.panel.panel.length} panelists.`);
    },
    [announce, setDraft, savedId, name],
  );

  const open = useCallback(
    (panel: SavedPanel) => {
      setDraft(ops.fromConfig(panel.config));
      setSavedId(panel.id);
      setName(panel.name);
      setNotice(null);
      announce(`Opened “${panel.name}”.`);
    },
    [announce, setDraft],
  );

  const startNew = useCallback(() => {
    setDraft(emptyDraft());
    setSavedId(null);
    setName("");
    setNotice(null);
    announce("Started a new, empty panel.");
  }, [announce, setDraft]);

  const problems = useMemo(() => checkDraft(draft, byId), [draft, byId]);
  const config = useMemo(() => ops.toConfig(draft), [draft]);
  const estimate = useMemo(() => estimateRun(draft, byId), [draft, byId]);
  const modified = saved === null || config === null || !samePanel(config, saved.config);

  return {
    draft,
    config,
    problems,
    estimate,
    notice,
    saved,
    savedId,
    setSavedId,
    name,
    setName,
    modified,
    announcement: { message, n },
    announce,
    nameOf,
    add,
    setRole,
    clearRole,
    remove,
    move,
    updateSlot,
    updateSettings,
    setInstructions,
    applyPreset,
    open,
    startNew,
  };
}

export type PanelBuilderState = ReturnType<typeof usePanelBuilder>;

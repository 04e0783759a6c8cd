"use client";

import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { type ReactNode, useId, useMemo, useRef, useState } from "react";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import type { Preset } from "@/lib/fusion/presets";
import type { SavedPanel } from "@/lib/panels/config";
import { Announcer } from "./announcer";
import {
  builderAnnouncements,
  builderCollision,
  type DragData,
  type DropData,
  dropAction,
  SCREEN_READER_INSTRUCTIONS,
} from "./builder-dnd";
import { CatalogPane } from "./catalog-pane";
import { CostSummary } from "./cost-summary";
import { ModelName, PanelSlots } from "./panel-slots";
import { PanelistSettingsDialog } from "./panelist-settings";
import { PresetCards } from "./preset-cards";
import { RoleSlot } from "./role-slot";
import { DEFAULT_TEMPERATURE, RoleInstructions, RunSettings } from "./run-settings";
import { SaveControls, type SaveDraft, useSaveDraft } from "./save-controls";
import { SavedPanelsList } from "./saved-panels";
import { type PanelBuilderState, usePanelBuilder } from "./use-panel-builder";
import { useSavedPanels } from "./use-saved-panels";

export type BuilderActions = (args: { state: PanelBuilderState; saving: SaveDraft }) => ReactNode;

/**
 * The panel builder: the catalog on the left, the panel on the right. Models go into the panel,
 * the judge slot and the synthesizer slot by dragging (mouse, touch) or with each card's
 * buttons (keyboard, click); panelists reorder by dragging, with the keyboard (Space, arrows)
 * or with Move up/down. Shared by the /panels page and the room's "Edit panel" dialog, which
 * differ only in their title and main action (`actions`).
 */
export function PanelBuilder({
  title,
  initialConfig,
  initialSavedId,
  savedPanels: initialSavedPanels,
  actions,
  onSaved,
}: {
  title: ReactNode;
  initialConfig: PanelConfigDraft | null;
  initialSavedId: string | null;
  savedPanels: SavedPanel[];
  actions: BuilderActions;
  onSaved?: (panel: SavedPanel) => void;
}) {
  const savedPanels = useSavedPanels(initialSavedPanels);
  const state = usePanelBuilder({ initialConfig, initialSavedId, savedPanels });
  const saving = useSaveDraft(state);
  const { draft, problems } = state;
  const [dragging, setDragging] = useState<DragData | null>(null);
  const [settingsOf, setSettingsOf] = useState<number | null>(null);
  // dnd-kit derives its aria ids from this; its own counter differs between server and browser.
  const dndId = useId();

  const sensors = useSensors(
    // A few pixels of travel first, so a click on a card's buttons is never a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const slotKeys = draft.panel.map((s) => s.key);
  // dnd-kit keeps the announcements it was first given; they read the order through a ref.
  const keysRef = useRef(slotKeys);
  keysRef.current = slotKeys;
  const announcements = useMemo(
    () => builderAnnouncements({ nameOf: state.nameOf, slotKeys: () => keysRef.current }),
    [state.nameOf],
  );

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current as DragData | undefined) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const active = event.active.data.current as DragData | undefined;
    const over = event.over
      ? { id: event.over.id, data: event.over.data.current as DropData | undefined }
      : null;
    const action = dropAction(active, over, slotKeys);
    if (action?.type === "add") state.add(action.model, action.at);
    else if (action?.type === "role") state.setRole(action.role, action.model);
    else if (action?.type === "move") state.move(action.from, action.to);
    else if (active && !over)
      state.announce(`${state.nameOf(active.model)} was not dropped on a slot; nothing changed.`);
  }

  const settingsSlot = settingsOf === null ? undefined : draft.panel[settingsOf];
  // Presets sit below the panel: after applying one, bring the panel it made into view.
  const panelArea = useRef<HTMLDivElement>(null);
  function applyPreset(preset: Preset) {
    state.applyPreset(preset);
    panelArea.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={builderCollision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
    >
      <div
        className="grid h-full min-h-0 grid-cols-1 grid-rows-[minmax(0,45%)_minmax(0,1fr)] md:grid-cols-[22rem_minmax(0,1fr)] md:grid-rows-1 xl:grid-cols-[26rem_minmax(0,1fr)]"
        data-testid="panel-builder"
      >
        <CatalogPane onAdd={state.add} onRole={state.setRole} />
        <div className="flex min-h-0 flex-col gap-5 overflow-y-auto p-4">
          <header className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              {title}
              <div className="flex flex-wrap items-start gap-2">{actions({ state, saving })}</div>
            </div>
            <SaveControls state={state} saving={saving} {...(onSaved ? { onSaved } : {})} />
          </header>
          <div
            ref={panelArea}
            className="grid scroll-mt-4 grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]"
          >
            <PanelSlots
              slots={draft.panel}
              problems={problems}
              notice={state.notice}
              handlers={{ onRemove: state.remove, onMove: state.move, onSettings: setSettingsOf }}
            />
            <div className="flex flex-col gap-3">
              <RoleSlot
                of="judge"
                value={draft.judge}
                problem={problems.judge?.message ?? null}
                onClear={() => state.clearRole("judge")}
              />
              <RoleSlot
                of="synthesizer"
                value={draft.synthesizer}
                problem={problems.synthesizer?.message ?? null}
                onClear={() => state.clearRole("synthesizer")}
              />
              <CostSummary
                estimate={state.estimate}
                saved={state.saved}
                modified={state.modified}
              />
            </div>
          </div>
          <PresetCards onApply={applyPreset} />
          <RunSettings
            settings={draft.settings}
            problems={problems}
            onChange={state.updateSettings}
          />
          <details className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-semibold">
              Judge and synthesizer instructions
            </summary>
            <div className="mt-3 grid grid-cols-1 gap-4 xl:grid-cols-2">
              <RoleInstructions
                of="judge"
                value={draft.judge.instructions}
                error={null}
                onChange={(text) => state.setInstructions("judge", text)}
              />
              <RoleInstructions
                of="synthesizer"
                value={draft.synthesizer.instructions}
                error={null}
                onChange={(text) => state.setInstructions("synthesizer", text)}
              />
            </div>
          </details>
          <SavedPanelsList
            panels={savedPanels}
            currentId={state.savedId}
            onOpen={state.open}
            onRenamed={(p) => (p.id === state.savedId ? state.setName(p.name) : undefined)}
            onDeleted={(id) => (id === state.savedId ? state.setSavedId(null) : undefined)}
            announce={state.announce}
          />
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <div className="flex max-w-80 items-center gap-2 rounded-lg border border-sky-400 bg-white px-3 py-2 text-sm shadow-xl dark:bg-zinc-900">
            <span aria-hidden="true" className="text-zinc-400">
              ⠿
            </span>
            <ModelName model={dragging.model} />
          </div>
        ) : null}
      </DragOverlay>
      <Announcer message={state.announcement.message} n={state.announcement.n} />
      {settingsSlot && settingsOf !== null ? (
        <PanelistSettingsDialog
          key={settingsSlot.key}
          slot={settingsSlot}
          index={settingsOf}
          runTemperature={draft.settings.temperature ?? DEFAULT_TEMPERATURE}
          onChange={(patch) => state.updateSlot(settingsOf, patch)}
          onClose={() => setSettingsOf(null)}
        />
      ) : null}
    </DndContext>
  );
}

/** Why the main action is disabled, said next to it (and tied to it for screen readers). */
export function BlockedReason({ id, reason }: { id: string; reason: string | null }) {
  return reason ? (
    <p
      id={id}
      data-testid="run-blocked"
      className="max-w-80 text-xs text-red-700 dark:text-red-300"
    >
      {reason}
    </p>
  ) : null;
}

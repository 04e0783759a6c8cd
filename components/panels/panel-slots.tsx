"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId } from "react";
import { MAX_PANELISTS } from "@/lib/fusion/input";
import { useModels } from "../room/models-context";
import { type DragData, type DropData, TARGETS } from "./builder-dnd";
import { SimulatedBadge } from "./model-card";
import type { SlotDraft } from "./panel-draft";
import type { DraftProblems } from "./validation";

export type SlotHandlers = {
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onSettings: (index: number) => void;
};

/** What a panelist's own settings change, in a few words ("0.3 temp · persona"). */
function settingsSummary(slot: SlotDraft): string {
  return [
    slot.temperature !== undefined ? `temperature ${slot.temperature}` : null,
    slot.reasoningEffort ? `${slot.reasoningEffort} effort` : null,
    slot.maxCompletionTokens !== undefined ? `max ${slot.maxCompletionTokens} tokens` : null,
    slot.systemPrompt?.trim() ? "persona" : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function ModelName({ model }: { model: string }) {
  const info = useModels().byId.get(model);
  if (!info) return <span className="truncate text-red-700 dark:text-red-300">{model}</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span className="truncate" title={info.id}>
        {/* The badge says it; "(simulated)" in the name too would crowd the slot. */}
        {info.simulated ? info.name.replace(/ \(simulated\)$/, "") : info.name}
      </span>
      {info.simulated ? <SimulatedBadge /> : null}
    </span>
  );
}

function PanelistRow({
  slot,
  index,
  count,
  problem,
  handlers,
}: {
  slot: SlotDraft;
  index: number;
  count: number;
  problem: string | undefined;
  handlers: SlotHandlers;
}) {
  const name = useModels().byId.get(slot.model)?.name ?? slot.model;
  const data: DragData = { kind: "slot", key: slot.key, model: slot.model };
  const sortable = useSortable({ id: slot.key, data });
  const label = `panelist ${index + 1}, ${name}`;
  const summary = settingsSummary(slot);
  return (
    <li
      ref={sortable.setNodeRef}
      data-testid="panelist-slot"
      data-model={slot.model}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={`rounded-lg border bg-white p-2 text-sm dark:bg-zinc-900 ${
        sortable.isDragging ? "relative z-10 opacity-60 shadow-lg" : ""
      } ${
        problem ? "border-red-400 dark:border-red-700" : "border-zinc-200 dark:border-zinc-800"
      } ${sortable.isOver && !sortable.isDragging ? "ring-2 ring-sky-400" : ""}`}
    >
      <div className="flex items-center gap-2">
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={`Reorder ${label}`}
          data-testid="slot-drag-handle"
          className="flex h-7 w-5 shrink-0 cursor-grab touch-none items-center justify-center rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-500 active:cursor-grabbing dark:hover:bg-zinc-800"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="w-4 shrink-0 text-xs text-zinc-500 tabular-nums">{index + 1}</span>
        <div className="min-w-0 flex-1">
          <ModelName model={slot.model} />
          {summary ? (
            <p className="truncate text-xs text-zinc-500" data-testid="slot-settings">
              {summary}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-1">
          <button
            type="button"
            className="card-action"
            aria-label={`Settings of ${label}`}
            onClick={() => handlers.onSettings(index)}
          >
            Settings
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Move up ${label}`}
            disabled={index === 0}
            onClick={() => handlers.onMove(index, index - 1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Move down ${label}`}
            disabled={index === count - 1}
            onClick={() => handlers.onMove(index, index + 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="card-action"
            aria-label={`Remove ${label}`}
            onClick={() => handlers.onRemove(index)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      {problem ? <p className="mt-1 text-xs text-red-700 dark:text-red-300">{problem}</p> : null}
    </li>
  );
}

/**
 * The panelists, in order: a sortable list (drag the grip, or pick it up with Space and move it
 * with the arrow keys, or use Move up/down) that is also the drop target for catalog cards.
 */
export function PanelSlots({
  slots,
  problems,
  notice,
  handlers,
}: {
  slots: readonly SlotDraft[];
  problems: DraftProblems;
  /** A refusal just now, e.g. a 9th panelist; said next to the panel. */
  notice: string | null;
  handlers: SlotHandlers;
}) {
  const data: DropData = { kind: "target", target: "panel" };
  const drop = useDroppable({ id: TARGETS.panel, data });
  const panelError = notice ?? problems.panel?.message ?? null;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h3 id={headingId} className="text-sm font-semibold">
          Panelists{" "}
          <span className="font-normal text-zinc-500" data-testid="panel-count">
            ({slots.length} of {MAX_PANELISTS})
          </span>
        </h3>
      </div>
      {panelError ? (
        <p
          role="alert"
          className="text-sm text-red-700 dark:text-red-300"
          data-testid="panel-error"
        >
          {panelError}
        </p>
      ) : null}
      <div
        ref={drop.setNodeRef}
        data-testid="panel-drop"
        className={`flex flex-col gap-1.5 rounded-lg p-1 ${drop.isOver ? "bg-sky-50 ring-2 ring-sky-400 dark:bg-sky-950/40" : ""}`}
      >
        <SortableContext items={slots.map((s) => s.key)} strategy={verticalListSortingStrategy}>
          <ol aria-label="Panelists" className="flex flex-col gap-1.5">
            {slots.map((slot, i) => (
              <PanelistRow
                key={slot.key}
                slot={slot}
                index={i}
                count={slots.length}
                problem={problems.slots.get(i)?.message}
                handlers={handlers}
              />
            ))}
          </ol>
        </SortableContext>
        <p
          data-testid="panel-drop-zone"
          className="rounded-lg border-2 border-dashed border-zinc-300 px-3 py-3 text-center text-xs text-zinc-500 dark:border-zinc-700"
        >
          {slots.length >= MAX_PANELISTS
            ? `The panel is full (${MAX_PANELISTS} panelists).`
            : "Drop a model here to add it, or use “Add to panel” on a model."}
        </p>
      </div>
    </section>
  );
}

"use client";

import { useDraggable } from "@dnd-kit/core";
import { memo } from "react";
import type { ModelOption } from "@/lib/models/model-option";
import { catalogDragId, type DragData } from "./builder-dnd";
import { providerLabel } from "./catalog-filters";
import type { Role } from "./panel-draft";

/** Every card is this tall: the virtualised list positions cards without measuring them. */
export const CARD_HEIGHT = 128;

const price = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 3,
});
const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

function perMillion(p: number | null): string {
  if (p === null) return "?";
  return p === 0 ? "free" : price.format(p);
}

export function SimulatedBadge() {
  return (
    <span className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-medium text-amber-900 uppercase dark:bg-amber-900/40 dark:text-amber-200">
      simulated
    </span>
  );
}

/** The grip that starts a mouse or touch drag. Keyboard users have the buttons instead. */
function DragHandle({ model }: { model: ModelOption }) {
  const data: DragData = { kind: "catalog", model: model.id };
  const { listeners, setActivatorNodeRef, setNodeRef } = useDraggable({
    id: catalogDragId(model.id),
    data,
  });
  // Pointer only: a keyboard drag out of a scrolling list would scroll it instead of moving.
  const { onKeyDown: _keyboard, ...pointer } = listeners ?? {};
  return (
    <button
      type="button"
      ref={(node) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      tabIndex={-1}
      aria-label={`Drag ${model.name} into the panel, the judge slot or the synthesizer slot`}
      title="Drag into a slot"
      data-testid="card-drag-handle"
      className="flex w-5 shrink-0 cursor-grab touch-none items-center justify-center self-stretch rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 active:cursor-grabbing dark:hover:bg-zinc-800"
      {...pointer}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}

/**
 * A catalog entry: name, provider, prices, context, capabilities, and whether the user can call
 * it. Memoised: a keystroke re-renders only cards whose model changed position.
 */
export const ModelCard = memo(function ModelCard({
  model,
  tabbable,
  onAdd,
  onRole,
}: {
  model: ModelOption;
  /** Only the list's current card is in the Tab order (see CatalogList). */
  tabbable: boolean;
  onAdd: (model: string) => void;
  onRole: (role: Role, model: string) => void;
}) {
  const nameId = `card-${model.id}`;
  const caps = [
    model.capabilities.tools ? "tools" : null,
    model.capabilities.reasoning ? "reasoning" : null,
    model.capabilities.structuredOutput ? "structured" : null,
  ].filter(Boolean);
  return (
    <article
      aria-labelledby={nameId}
      data-testid="model-card"
      data-model={model.id}
      style={{ height: CARD_HEIGHT - 8 }}
      className={`flex gap-2 overflow-hidden rounded-lg border bg-white p-2 text-xs dark:bg-zinc-900 ${
        model.reachable
          ? "border-zinc-200 dark:border-zinc-800"
          : "border-dashed border-zinc-300 dark:border-zinc-700"
      }`}
    >
      <DragHandle model={model} />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex items-center gap-1.5">
          <h3 id={nameId} className="truncate text-sm font-medium" title={model.name}>
            {model.name}
          </h3>
          {model.simulated ? <SimulatedBadge /> : null}
        </div>
        <p className="truncate text-zinc-500" title={model.id}>
          {providerLabel(model.provider)} · <span className="font-mono">{model.id}</span>
        </p>
        <p className="truncate text-zinc-700 tabular-nums dark:text-zinc-300">
          <span title="USD per million input tokens">{perMillion(model.inputPricePerMTok)} in</span>
          {" · "}
          <span title="USD per million output tokens">
            {perMillion(model.outputPricePerMTok)} out
          </span>{" "}
          <span className="text-zinc-500">/M tok</span>
          {" · "}
          {model.contextLength === null
            ? "? context"
            : `${compact.format(model.contextLength)} context`}
          {caps.length > 0 ? <span className="text-zinc-500"> · {caps.join(", ")}</span> : null}
        </p>
        {model.reachable ? (
          <p className="truncate text-emerald-700 dark:text-emerald-400">Reachable</p>
        ) : (
          <p
            className="truncate text-red-700 dark:text-red-300"
            title={model.unreachableReason ?? undefined}
            data-testid="unreachable"
          >
            not reachable: {model.unreachableReason ?? "its provider is not configured."}
          </p>
        )}
        <div className="mt-auto flex gap-1">
          <button
            type="button"
            className="card-action"
            data-action="add"
            tabIndex={tabbable ? 0 : -1}
            onClick={() => onAdd(model.id)}
          >
            Add to panel
          </button>
          <button
            type="button"
            className="card-action"
            data-action="judge"
            tabIndex={tabbable ? 0 : -1}
            onClick={() => onRole("judge", model.id)}
          >
            Make judge
          </button>
          <button
            type="button"
            className="card-action"
            data-action="synthesizer"
            tabIndex={tabbable ? 0 : -1}
            onClick={() => onRole("synthesizer", model.id)}
          >
            Make synthesizer
          </button>
        </div>
      </div>
    </article>
  );
});

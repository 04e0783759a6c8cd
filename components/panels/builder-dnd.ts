/**
 * Drag-and-drop vocabulary of the builder: ids, what each drag carries, where a drop lands, and
 * what is said to screen readers meanwhile. Pure except for dnd-kit's collision helpers.
 */
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  pointerWithin,
  rectIntersection,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import type { Role } from "./panel-draft";

/** Drop targets besides the panelists themselves (which are sortable, so droppable too). */
export const TARGETS = {
  panel: "target:panel",
  judge: "target:judge",
  synthesizer: "target:synthesizer",
} as const;

export type DragData =
  | { kind: "catalog"; model: string }
  | { kind: "slot"; key: string; model: string };

export type DropData = { kind: "target"; target: keyof typeof TARGETS } | DragData;

export const catalogDragId = (model: string) => `catalog:${model}`;

export type DropAction =
  | { type: "add"; model: string; at?: number }
  | { type: "role"; role: Role; model: string }
  | { type: "move"; from: number; to: number }
  | null;

/**
 * What dropping `active` on `over` does. A model dropped on a panelist is inserted before it;
 * a panelist dropped on the judge or synthesizer slot lends it its model.
 */
export function dropAction(
  active: DragData | undefined,
  over: { id: UniqueIdentifier; data?: DropData } | null,
  slotKeys: readonly string[],
): DropAction {
  if (!active || !over) return null;
  const target = over.data?.kind === "target" ? over.data.target : null;
  if (target === "judge" || target === "synthesizer") {
    return { type: "role", role: target, model: active.model };
  }
  const overSlot = slotKeys.indexOf(String(over.id));
  if (active.kind === "catalog") {
    if (target === "panel") return { type: "add", model: active.model };
    return overSlot >= 0 ? { type: "add", model: active.model, at: overSlot } : null;
  }
  const from = slotKeys.indexOf(active.key);
  if (from < 0 || overSlot < 0 || from === overSlot) return null;
  return { type: "move", from, to: overSlot };
}

const kindOf = (c: { data: { current?: unknown } }) =>
  (c.data.current as DropData | undefined)?.kind;

/**
 * A model from the catalog lands where the pointer is (keyboard drags have no pointer: then
 * where the dragged card overlaps most). A panelist being reordered goes to the closest
 * panelist, unless the pointer is on the judge or synthesizer slot.
 */
export const builderCollision: CollisionDetection = (args) => {
  const active = args.active.data.current as DragData | undefined;
  const targets = args.droppableContainers.filter((c) => kindOf(c) !== undefined);
  if (active?.kind === "slot") {
    const roles = targets.filter((c) => c.id === TARGETS.judge || c.id === TARGETS.synthesizer);
    const onRole = pointerWithin({ ...args, droppableContainers: roles });
    if (onRole.length > 0) return onRole;
    const slots = targets.filter((c) => kindOf(c) === "slot");
    return closestCenter({ ...args, droppableContainers: slots });
  }
  const within = pointerWithin({ ...args, droppableContainers: targets });
  return within.length > 0 ? within : rectIntersection({ ...args, droppableContainers: targets });
};

const TARGET_LABEL: Record<keyof typeof TARGETS, string> = {
  panel: "the panel",
  judge: "the judge slot",
  synthesizer: "the synthesizer slot",
};

/**
 * dnd-kit's screen-reader commentary during a drag, in model names. How the drag ended is
 * announced by the builder instead (it knows whether the drop was accepted).
 */
export function builderAnnouncements(params: {
  nameOf: (model: string) => string;
  slotKeys: () => readonly string[];
}): Announcements {
  const { nameOf, slotKeys } = params;
  const where = (over: { id: UniqueIdentifier; data: { current?: unknown } } | null) => {
    if (!over) return "Not over a drop target.";
    const data = over.data.current as DropData | undefined;
    if (data?.kind === "target") return `Over ${TARGET_LABEL[data.target]}.`;
    const keys = slotKeys();
    const i = keys.indexOf(String(over.id));
    return i >= 0 ? `Over panelist ${i + 1} of ${keys.length}.` : "Not over a drop target.";
  };
  return {
    onDragStart: ({ active }) => {
      const data = active.data.current as DragData | undefined;
      return data ? `Picked up ${nameOf(data.model)}.` : undefined;
    },
    onDragOver: ({ over }) => where(over),
    onDragEnd: () => undefined,
    onDragCancel: ({ active }) => {
      const data = active.data.current as DragData | undefined;
      return data ? `Put ${nameOf(data.model)} back; nothing changed.` : undefined;
    },
  };
}

export const SCREEN_READER_INSTRUCTIONS = {
  draggable:
    "To reorder a panelist, press Space or Enter to pick it up, the up and down arrow keys to move it, and Space or Enter again to drop it, or Escape to cancel. The Move up and Move down buttons do the same.",
};

"use client";

import { useDroppable } from "@dnd-kit/core";
import { useId } from "react";
import { type DropData, TARGETS } from "./builder-dnd";
import type { Role, RoleDraft } from "./panel-draft";
import { ModelName } from "./panel-slots";
import { ROLE_LABEL } from "./validation";

const ROLE_HINT: Record<Role, string> = {
  judge: "Compares the answers (at temperature 0) and writes a structured analysis.",
  synthesizer: "Writes the final answer from the analysis and the answers.",
};

/** The judge or synthesizer slot: a drop target holding one model, or empty. */
export function RoleSlot({
  of: role,
  value,
  problem,
  onClear,
}: {
  /** Which role: not `role`, which JSX reserves for ARIA roles. */
  of: Role;
  value: RoleDraft;
  problem: string | null;
  onClear: () => void;
}) {
  const data: DropData = { kind: "target", target: role };
  const drop = useDroppable({ id: TARGETS[role], data });
  const headingId = useId();
  return (
    <section
      ref={drop.setNodeRef}
      aria-labelledby={headingId}
      data-testid={`${role}-slot`}
      data-model={value.model ?? ""}
      className={`flex flex-col gap-1 rounded-lg border p-2 text-sm ${
        drop.isOver
          ? "border-sky-400 bg-sky-50 ring-2 ring-sky-400 dark:bg-sky-950/40"
          : problem
            ? "border-red-400 dark:border-red-700"
            : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <h3 id={headingId} className="text-xs font-semibold text-zinc-500 uppercase">
        {ROLE_LABEL[role]}
      </h3>
      {value.model === null ? (
        <p className="rounded border-2 border-dashed border-zinc-300 px-2 py-2 text-center text-xs text-zinc-500 dark:border-zinc-700">
          Empty: drop a model here
        </p>
      ) : (
        <div className="flex items-center gap-2">
          <div className="min-w-0 flex-1">
            <ModelName model={value.model} />
          </div>
          <button
            type="button"
            className="card-action"
            aria-label={`Remove the ${role}`}
            onClick={onClear}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      <p className="text-xs text-zinc-500">{ROLE_HINT[role]}</p>
      {problem ? (
        <p className="text-xs text-red-700 dark:text-red-300" data-testid={`${role}-error`}>
          {problem}
        </p>
      ) : null}
    </section>
  );
}

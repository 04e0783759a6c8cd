"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { ModelOption } from "@/lib/models/model-option";

export type { ModelOption } from "@/lib/models/model-option";

type ModelsValue = { models: readonly ModelOption[]; byId: ReadonlyMap<string, ModelOption> };

const ModelsContext = createContext<ModelsValue>({ models: [], byId: new Map() });

export function ModelsProvider({
  models,
  children,
}: {
  models: readonly ModelOption[];
  children?: ReactNode;
}) {
  const value = useMemo(() => ({ models, byId: new Map(models.map((m) => [m.id, m])) }), [models]);
  return <ModelsContext.Provider value={value}>{children}</ModelsContext.Provider>;
}

export function useModels(): ModelsValue {
  return useContext(ModelsContext);
}

/** A display name for a model id; falls back to the id for models no longer in the catalog. */
export function useModelName(id: string): string {
  return useContext(ModelsContext).byId.get(id)?.name ?? id;
}

/**
 * Display names of a panel's columns. A model on the panel twice (a self-panel) is numbered,
 * "Atlas #1", "Atlas #2", so columns and the analysis' chips stay unambiguous (as in exports).
 */
export function usePanelNames(panel: readonly { model: string }[]): string[] {
  const { byId } = useContext(ModelsContext);
  // Keyed on the ids (a string), not the panel array, which changes on every streamed token.
  const key = panel.map((c) => c.model).join("\n");
  return useMemo(() => {
    const models = key.split("\n");
    const counts = new Map<string, number>();
    for (const m of models) counts.set(m, (counts.get(m) ?? 0) + 1);
    const seen = new Map<string, number>();
    return models.map((m) => {
      const name = byId.get(m)?.name ?? m;
      if ((counts.get(m) ?? 0) < 2) return name;
      const n = (seen.get(m) ?? 0) + 1;
      seen.set(m, n);
      return `${name} #${n}`;
    });
  }, [key, byId]);
}

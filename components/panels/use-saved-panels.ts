"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  deletePanelAction,
  duplicatePanelAction,
  listPanelsAction,
  type PanelActionResult,
  renamePanelAction,
  savePanelAction,
} from "@/app/(room)/panels/actions";
import type { SavedPanel } from "@/lib/panels/config";

/** One cache for the builder and the room's picker: a save in one shows in the other. */
export const SAVED_PANELS_KEY = ["saved-panels"] as const;

/** The server renders the list; the query keeps it current after saves, renames and deletes. */
export function useSavedPanels(initial: SavedPanel[]): SavedPanel[] {
  const { data } = useQuery({
    queryKey: SAVED_PANELS_KEY,
    queryFn: () => listPanelsAction(),
    initialData: initial,
  });
  return data;
}

function upsert(list: SavedPanel[] | undefined, panel: SavedPanel): SavedPanel[] {
  const rest = (list ?? []).filter((p) => p.id !== panel.id);
  return [...rest, panel].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: "base" }),
  );
}

/**
 * Save, rename, duplicate and delete. Results land in the cache at once (the action returns the
 * saved row); a delete is optimistic and rolls back if the server refuses.
 */
export function useSavedPanelMutations() {
  const client = useQueryClient();
  const landed = (result: PanelActionResult) => {
    if (result.ok)
      client.setQueryData<SavedPanel[]>(SAVED_PANELS_KEY, (l) => upsert(l, result.panel));
  };
  const save = useMutation({ mutationFn: savePanelAction, onSuccess: landed });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renamePanelAction(id, name),
    onSuccess: landed,
  });
  const duplicate = useMutation({ mutationFn: duplicatePanelAction, onSuccess: landed });
  const remove = useMutation({
    mutationFn: deletePanelAction,
    onMutate: async (id: string) => {
      await client.cancelQueries({ queryKey: SAVED_PANELS_KEY });
      const previous = client.getQueryData<SavedPanel[]>(SAVED_PANELS_KEY);
      client.setQueryData<SavedPanel[]>(SAVED_PANELS_KEY, (l) => l?.filter((p) => p.id !== id));
      return { previous };
    },
    onSettled: (result, _error, _id, context) => {
      if (!result?.ok && context?.previous) {
        client.setQueryData(SAVED_PANELS_KEY, context.previous);
      }
    },
  });
  return { save, rename, duplicate, remove };
}

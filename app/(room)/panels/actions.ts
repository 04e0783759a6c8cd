"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/current-user";
import { isQuorumError } from "@/lib/errors";
import type { SavedPanel } from "@/lib/panels/config";
import {
  deleteSavedPanel,
  duplicatePanel,
  listSavedPanels,
  PanelInputError,
  renamePanel,
  savePanel,
} from "@/lib/panels/saved-panels";

/**
 * Saved panels' server actions. Like the room's, they return plain objects and never throw for
 * what a user can cause; `field` names the bad input (`name`, `panel.2.temperature`…).
 */
export type PanelActionResult =
  | { ok: true; panel: SavedPanel }
  | { ok: false; error: string; field?: string };

const idSchema = z.string().min(1).max(200);
const NOT_FOUND = "This saved panel does not exist.";

function failure(error: unknown): { ok: false; error: string; field?: string } {
  if (error instanceof PanelInputError) {
    return { ok: false, error: error.message, field: error.field };
  }
  if (error instanceof z.ZodError) return { ok: false, error: NOT_FOUND };
  if (isQuorumError(error) && error.status < 500) return { ok: false, error: error.message };
  console.error("quorum: a panel action failed", error);
  return { ok: false, error: "Something went wrong on our side. Please try again." };
}

export async function listPanelsAction(): Promise<SavedPanel[]> {
  return listSavedPanels({ db: getDb(), userId: await currentUserId() });
}

/** Creates a panel, or with `panelId` saves over that one. */
export async function savePanelAction(input: {
  panelId?: string;
  name: string;
  config: unknown;
}): Promise<PanelActionResult> {
  try {
    const userId = await currentUserId();
    const panelId = input.panelId === undefined ? undefined : idSchema.parse(input.panelId);
    const panel = savePanel({
      db: getDb(),
      userId,
      ...(panelId ? { panelId } : {}),
      name: input.name,
      config: input.config,
    });
    return { ok: true, panel };
  } catch (error) {
    return failure(error);
  }
}

export async function renamePanelAction(panelId: string, name: string): Promise<PanelActionResult> {
  try {
    const userId = await currentUserId();
    return {
      ok: true,
      panel: renamePanel({ db: getDb(), userId, panelId: idSchema.parse(panelId), name }),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function duplicatePanelAction(panelId: string): Promise<PanelActionResult> {
  try {
    const userId = await currentUserId();
    return {
      ok: true,
      panel: duplicatePanel({ db: getDb(), userId, panelId: idSchema.parse(panelId) }),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function deletePanelAction(
  panelId: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const userId = await currentUserId();
    deleteSavedPanel({ db: getDb(), userId, panelId: idSchema.parse(panelId) });
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

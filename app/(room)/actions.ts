"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/current-user";
import { isQuorumError } from "@/lib/errors";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import type { AvailableModel } from "@/lib/models/types";
import { listAvailableModelsForUser } from "@/lib/models/user-registry";
import {
  createConversation,
  deleteConversation,
  renameConversation,
} from "@/lib/runs/conversations";
import { cancelRun, RunInputError, retryRun, startRun } from "@/lib/runs/start-run";

/**
 * The chatroom's server actions. They return plain objects and never throw for what a user can
 * cause (bad input, a missing id): the message is safe to show, `field` names the bad input.
 */
export type RunActionResult =
  | { ok: true; runId: string; conversationId: string; conversationTitle?: string }
  | { ok: false; error: string; field?: string };

const SOMETHING_WENT_WRONG = "Something went wrong on our side. Please try again.";

const idSchema = z.string().min(1).max(200);
const startSchema = z.object({
  conversationId: idSchema.optional(),
  prompt: z.string({ error: "The prompt must be text." }),
  // Validated in detail by startRun, which names the offending field.
  panel: z.custom<PanelConfigDraft>((v) => typeof v === "object" && v !== null, {
    error: "Choose a panel first.",
  }),
  /** The saved panel picked in the room, if any (linked only when `panel` is unchanged). */
  panelId: idSchema.nullable().optional(),
});

function failure(error: unknown): { ok: false; error: string; field?: string } {
  if (error instanceof RunInputError)
    return { ok: false, error: error.message, field: error.field };
  if (isQuorumError(error) && error.status < 500) return { ok: false, error: error.message };
  console.error("quorum: action failed", error);
  return { ok: false, error: SOMETHING_WENT_WRONG };
}

/** The conversation list (in the room's layout) changes: re-render the room's pages. */
function refreshRoom(): void {
  revalidatePath("/", "layout");
}

export async function startRunAction(input: {
  conversationId?: string;
  prompt: string;
  panel: PanelConfigDraft;
  panelId?: string | null;
}): Promise<RunActionResult> {
  try {
    const parsed = startSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: issue?.message ?? "The request is not valid.",
        field: issue?.path.join(".") || "input",
      };
    }
    const userId = await currentUserId();
    // No revalidation here: re-rendering the room's RSC payload while eight columns start to
    // stream blocks the main thread (100+ ms); the client lists the conversation itself.
    const started = await startRun({ db: getDb(), userId, ...parsed.data });
    return { ok: true, ...started };
  } catch (error) {
    return failure(error);
  }
}

export async function cancelRunAction(runId: string): Promise<{ ok: boolean; error?: string }> {
  try {
    const userId = await currentUserId();
    await cancelRun({ db: getDb(), userId, runId: idSchema.parse(runId) });
    return { ok: true };
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, error: "This run does not exist." };
    return failure(error);
  }
}

export async function retryRunAction(runId: string): Promise<RunActionResult> {
  try {
    const userId = await currentUserId();
    const started = await retryRun({ db: getDb(), userId, runId: idSchema.parse(runId) });
    return { ok: true, ...started };
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, error: "This run does not exist." };
    return failure(error);
  }
}

export async function createConversationAction(): Promise<{ id: string }> {
  const userId = await currentUserId();
  const created = await createConversation({ db: getDb(), userId });
  refreshRoom();
  return created;
}

export async function renameConversationAction(
  id: string,
  title: string,
): Promise<{ ok: boolean; error?: string }> {
  try {
    const userId = await currentUserId();
    await renameConversation({ db: getDb(), userId, conversationId: idSchema.parse(id), title });
    refreshRoom();
    return { ok: true };
  } catch (error) {
    if (error instanceof z.ZodError)
      return { ok: false, error: "This conversation does not exist." };
    return failure(error);
  }
}

export async function deleteConversationAction(id: string): Promise<{ ok: boolean }> {
  try {
    const userId = await currentUserId();
    await deleteConversation({ db: getDb(), userId, conversationId: idSchema.parse(id) });
    refreshRoom();
    return { ok: true };
  } catch (error) {
    if (!(error instanceof z.ZodError) && !isQuorumError(error)) {
      console.error("quorum: deleting a conversation failed", error);
    }
    return { ok: false };
  }
}

export async function listModelsAction(): Promise<AvailableModel[]> {
  return listAvailableModelsForUser(await currentUserId());
}

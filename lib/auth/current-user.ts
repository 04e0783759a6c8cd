import { getDb } from "@/db/client";
import { getUser } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { isQuorumError, QuorumError } from "@/lib/errors";

/**
 * The signed-in user a request acts for. Every action and route calls it, and every query
 * scopes by the id it returns. The user must still exist: a session outliving its database
 * (a reset, a restore) is no session.
 */
export async function currentUserId(): Promise<string> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !getUser(getDb(), { userId: id })) throw new QuorumError("unauthorized:auth");
  return id;
}

/** The signed-in user's id, or null: for pages that show something else to visitors. */
export async function optionalUserId(): Promise<string | null> {
  try {
    return await currentUserId();
  } catch (error) {
    if (isQuorumError(error) && error.code === "unauthorized:auth") return null;
    throw error;
  }
}

import { LOCAL_USER_ID } from "@/db/queries/users";

/**
 * The user a request acts for. No accounts yet, so everything belongs to the local user; a
 * later issue replaces this with the signed-in session's user. Every action and route calls it,
 * and every query still scopes by the id it returns.
 */
export async function currentUserId(): Promise<string> {
  return LOCAL_USER_ID;
}

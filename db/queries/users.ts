import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { type User, users } from "../schema";

/** Until accounts arrive, everything belongs to this single local user. */
export const LOCAL_USER_ID = "local";

/**
 * Creates the local user if it is missing and returns it. Safe to call on every start.
 * Synchronous, like better-sqlite3 itself.
 */
export function ensureLocalUser(db: Db): User {
  db.insert(users)
    .values({ id: LOCAL_USER_ID, name: "Local user", createdAt: Date.now() })
    .onConflictDoNothing({ target: users.id })
    .run();
  const user = db.select().from(users).where(eq(users.id, LOCAL_USER_ID)).get();
  if (!user) throw new Error("The local user could not be created.");
  return user;
}

/**
 * Users and their sign-in identities. Synchronous, like better-sqlite3; drizzle's
 * transactions on this driver must be synchronous too.
 */
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../client";
import {
  activityDaily,
  calls,
  conversations,
  oauthAccounts,
  runs,
  type User,
  users,
} from "../schema";

/** Owner of everything made before accounts existed; the first account adopts its data. */
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

/** True once anyone has an account (the placeholder local user does not count). */
export function hasAccounts(db: Db): boolean {
  return (
    db.select({ id: users.id }).from(users).where(ne(users.id, LOCAL_USER_ID)).get() !== undefined
  );
}

export function getUser(db: Db, params: { userId: string }): User | undefined {
  return db.select().from(users).where(eq(users.id, params.userId)).get();
}

export function findUserByEmail(db: Db, params: { email: string }): User | undefined {
  return db.select().from(users).where(eq(users.email, params.email)).get();
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
    this.name = "EmailTakenError";
  }
}

type NewAccount = { email: string | null; name: string; passwordHash: string | null };

/**
 * Creates an account. The very first one adopts everything the local user made before accounts
 * existed, in the same immediate (write-locked) transaction, so two first sign-ups at once
 * cannot both adopt. Throws EmailTakenError when the email is in use.
 */
export function createAccount(
  db: Db,
  params: NewAccount & { oauth?: { provider: string; providerAccountId: string } },
): { user: User; adopted: boolean } {
  return db.transaction(
    (tx) => {
      if (
        params.email &&
        tx.select({ id: users.id }).from(users).where(eq(users.email, params.email)).get()
      ) {
        throw new EmailTakenError();
      }
      const first =
        tx.select({ id: users.id }).from(users).where(ne(users.id, LOCAL_USER_ID)).get() ===
        undefined;
      const now = Date.now();
      const user: User = {
        id: randomUUID(),
        email: params.email,
        name: params.name,
        passwordHash: params.passwordHash,
        createdAt: now,
      };
      tx.insert(users).values(user).run();
      if (params.oauth) {
        tx.insert(oauthAccounts)
          .values({ ...params.oauth, userId: user.id, createdAt: now })
          .run();
      }
      if (first) {
        for (const table of [conversations, runs, calls, activityDaily]) {
          tx.update(table).set({ userId: user.id }).where(eq(table.userId, LOCAL_USER_ID)).run();
        }
      }
      return { user, adopted: first };
    },
    { behavior: "immediate" },
  );
}

/** The user an OAuth identity signs in as, if it has been linked. */
export function findOAuthUser(
  db: Db,
  params: { provider: string; providerAccountId: string },
): User | undefined {
  const row = db
    .select({ user: users })
    .from(oauthAccounts)
    .innerJoin(users, eq(users.id, oauthAccounts.userId))
    .where(
      and(
        eq(oauthAccounts.provider, params.provider),
        eq(oauthAccounts.providerAccountId, params.providerAccountId),
      ),
    )
    .get();
  return row?.user;
}

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { checkCredentials, userForOAuth } from "@/lib/auth/sign-in-user";
import { createTestDatabase, type TestDatabase } from "../test-db";
import { createConversation, listConversations } from "./conversations";
import {
  createAccount,
  EmailTakenError,
  ensureLocalUser,
  hasAccounts,
  LOCAL_USER_ID,
} from "./users";

let t: TestDatabase;
beforeEach(() => {
  t = createTestDatabase();
  ensureLocalUser(t.db);
});
afterEach(() => t.cleanup());

describe("accounts", () => {
  it("the first account adopts what the local user made; later ones start empty", () => {
    const before = createConversation(t.db, {
      userId: LOCAL_USER_ID,
      title: "Made before accounts",
    });
    expect(hasAccounts(t.db)).toBe(false);
    const first = createAccount(t.db, { email: "a@example.com", name: "a", passwordHash: null });
    expect(first.adopted).toBe(true);
    expect(hasAccounts(t.db)).toBe(true);
    expect(listConversations(t.db, { userId: first.user.id }).map((c) => c.id)).toEqual([
      before.id,
    ]);
    expect(listConversations(t.db, { userId: LOCAL_USER_ID })).toEqual([]);

    createConversation(t.db, { userId: LOCAL_USER_ID, title: "Stray" });
    const second = createAccount(t.db, { email: "b@example.com", name: "b", passwordHash: null });
    expect(second.adopted).toBe(false);
    expect(listConversations(t.db, { userId: second.user.id })).toEqual([]);
  });

  it("refuses an email that is taken", () => {
    createAccount(t.db, { email: "a@example.com", name: "a", passwordHash: null });
    expect(() =>
      createAccount(t.db, { email: "a@example.com", name: "again", passwordHash: null }),
    ).toThrow(EmailTakenError);
  });

  it("checks credentials: right password only, emails case-insensitive", async () => {
    const { user } = createAccount(t.db, {
      email: "ada@example.com",
      name: "ada",
      passwordHash: await hashPassword("analytical"),
    });
    expect(
      await checkCredentials(t.db, { email: "  ADA@example.com ", password: "analytical" }),
    ).toMatchObject({
      id: user.id,
    });
    expect(
      await checkCredentials(t.db, { email: "ada@example.com", password: "wrong-one" }),
    ).toBeNull();
    expect(
      await checkCredentials(t.db, { email: "nobody@example.com", password: "analytical" }),
    ).toBeNull();
    expect(await checkCredentials(t.db, { email: "ada@example.com" })).toBeNull();
  });

  it("maps an OAuth identity to one user, and never links it to an existing email by itself", () => {
    const identity = {
      provider: "github",
      providerAccountId: "42",
      email: "gh@example.com",
      name: "GH",
    };
    const first = userForOAuth(t.db, identity, { signupsOpen: true });
    const again = userForOAuth(t.db, identity, { signupsOpen: true });
    expect(first.ok && again.ok && first.userId === again.userId).toBe(true);

    createAccount(t.db, { email: "taken@example.com", name: "t", passwordHash: null });
    expect(
      userForOAuth(
        t.db,
        { ...identity, providerAccountId: "43", email: "TAKEN@example.com" },
        { signupsOpen: true },
      ),
    ).toEqual({ ok: false, reason: "not_linked" });
    expect(
      userForOAuth(
        t.db,
        { ...identity, providerAccountId: "44", email: null },
        { signupsOpen: false },
      ),
    ).toEqual({ ok: false, reason: "signups_closed" });
  });
});

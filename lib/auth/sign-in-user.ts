/**
 * Who a sign-in is: the email + password check behind the Credentials provider, and the
 * mapping of an OAuth identity to one of our users. Kept apart from lib/auth.ts so it can be
 * unit-tested without Next.js.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  createAccount,
  EmailTakenError,
  findOAuthUser,
  findUserByEmail,
  hasAccounts,
} from "@/db/queries/users";
import { dummyPasswordHash, verifyPassword } from "./password";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const MIN_PASSWORD = 8;
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
  .max(200, "Use at most 200 characters.");

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export type SignedInUser = { id: string; email: string | null; name: string };

/** The user these credentials belong to, or null; as slow for an unknown email as a known one. */
export async function checkCredentials(db: Db, input: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = findUserByEmail(db, { email: parsed.data.email });
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const ok = await verifyPassword(parsed.data.password, hash);
  if (!ok || !user?.passwordHash) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
};

/**
 * The user an OAuth identity signs in as: the one it was linked to, or a new account. An email
 * that already has an account is not linked automatically (that would let whoever controls the
 * email at the provider take the account over): it answers "not linked".
 */
export function userForOAuth(
  db: Db,
  identity: OAuthIdentity,
  options: { signupsOpen: boolean },
): { ok: true; userId: string } | { ok: false; reason: "not_linked" | "signups_closed" } {
  const linked = findOAuthUser(db, identity);
  if (linked) return { ok: true, userId: linked.id };
  const email = identity.email?.trim().toLowerCase() || null;
  if (email && findUserByEmail(db, { email })) return { ok: false, reason: "not_linked" };
  if (!options.signupsOpen && hasAccounts(db)) return { ok: false, reason: "signups_closed" };
  try {
    const { user } = createAccount(db, {
      email,
      name: identity.name?.trim() || email || `${identity.provider} user`,
      passwordHash: null,
      oauth: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, reason: "not_linked" };
    throw error;
  }
}

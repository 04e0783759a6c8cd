"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createAccount, EmailTakenError, hasAccounts } from "@/db/queries/users";
import { enabledOAuthProviders, signIn, signOut } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { hashPassword } from "@/lib/auth/password";
import { emailSchema, newPasswordSchema } from "@/lib/auth/sign-in-user";
import { getEnv } from "@/lib/env";

/**
 * What a sign-in or sign-up form shows after a failed attempt: a message per field, or for
 * the form. The email typed is sent back so it stays in the field; the password never is.
 */
export type AuthFormState = {
  errors?: { email?: string; password?: string; form?: string };
  email?: string;
};

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function signUpAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const rawEmail = field(formData, "email");
  const parsed = z
    .object({ email: emailSchema, password: newPasswordSchema })
    .safeParse({ email: rawEmail, password: field(formData, "password") });
  if (!parsed.success) {
    const errors: NonNullable<AuthFormState["errors"]> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] === "password" ? "password" : "email";
      errors[name] ??= issue.message;
    }
    return { errors, email: rawEmail };
  }
  const { email, password } = parsed.data;
  const db = getDb();
  if (getEnv().QUORUM_SIGNUPS === "closed" && hasAccounts(db)) {
    return { errors: { form: "Sign-ups are closed on this server. Ask its owner." }, email };
  }
  try {
    createAccount(db, {
      email,
      name: email.split("@")[0] ?? email,
      passwordHash: await hashPassword(password),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return {
        errors: { email: "An account with this email already exists: sign in instead." },
        email,
      };
    }
    throw error;
  }
  const failed = await signInWithPassword(email, password);
  if (failed)
    return { errors: { form: "Your account was created, but signing in failed: sign in." }, email };
  redirect(safeCallbackUrl(field(formData, "callbackUrl")));
}

export async function signInAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const rawEmail = field(formData, "email");
  const password = field(formData, "password");
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return { errors: { email: email.error.issues[0]?.message }, email: rawEmail };
  if (password === "") return { errors: { password: "Enter your password." }, email: rawEmail };
  if (await signInWithPassword(email.data, password)) {
    return {
      errors: { form: "That email and password do not match an account." },
      email: rawEmail,
    };
  }
  redirect(safeCallbackUrl(field(formData, "callbackUrl")));
}

/** Signs in (sets the session cookie); returns true when the credentials were refused. */
async function signInWithPassword(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return false;
  } catch (error) {
    if (error instanceof AuthError) return true;
    throw error;
  }
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = enabledOAuthProviders().find((p) => p.id === field(formData, "provider"));
  if (!provider) redirect("/sign-in");
  // Redirects to the provider, which comes back to /api/auth/callback/<id>.
  await signIn(provider.id, { redirectTo: safeCallbackUrl(field(formData, "callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

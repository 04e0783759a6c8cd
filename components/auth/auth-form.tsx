"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/(auth)/actions";

type Props = {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  callbackUrl: string;
};

const input =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-zinc-500 focus:outline-none focus:ring-2 focus:ring-zinc-400 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Email + password, with errors in words under the field they concern (tied to it with
 * aria-describedby) and form-level errors announced. Works before hydration too: a plain POST.
 */
export function AuthForm({ mode, action, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  const signUp = mode === "sign-up";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {errors.form ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors.form}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete={signUp ? "email" : "username"}
          required
          defaultValue={state.email ?? ""}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          className={input}
        />
        {errors.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          required
          minLength={signUp ? 8 : undefined}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={
            [errors.password ? "password-error" : "", signUp ? "password-hint" : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
          className={input}
        />
        {signUp ? (
          <p id="password-hint" className="mt-1 text-xs text-zinc-500">
            At least 8 characters.
          </p>
        ) : null}
        {errors.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.password}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus:outline-none focus:ring-2 focus:ring-zinc-400 focus:ring-offset-2 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {pending
          ? signUp
            ? "Creating account…"
            : "Signing in…"
          : signUp
            ? "Create account"
            : "Sign in"}
      </button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signUp ? "Already have an account? " : "No account yet? "}
        <Link
          href={`${signUp ? "/sign-in" : "/sign-up"}${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
          className="font-medium text-zinc-900 underline dark:text-zinc-100"
        >
          {signUp ? "Sign in" : "Sign up"}
        </Link>
      </p>
    </form>
  );
}

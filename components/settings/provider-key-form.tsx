"use client";

import { useActionState, useEffect, useRef } from "react";
import { deleteKeyAction, saveKeyAction } from "@/app/settings/actions";
import { FormStatus } from "./form-status";
import { errorText, inputClass, primaryButton, secondaryButton } from "./ui";

type Props = {
  provider: string;
  label: string;
  /** The stored key, masked; null when there is none. */
  hint: string | null;
  note?: string;
};

/** Add, replace or delete one provider's key. The field is cleared after each save. */
export function ProviderKeyForm({ provider, label, hint, note }: Props) {
  const [saved, save, saving] = useActionState(saveKeyAction, {});
  const [deleted, remove, deleting] = useActionState(deleteKeyAction, {});
  const form = useRef<HTMLFormElement>(null);
  const id = `key-${provider}`;
  useEffect(() => {
    if (saved.ok) form.current?.reset();
  }, [saved]);
  return (
    <div className="space-y-2" data-testid={`provider-key-${provider}`}>
      <form ref={form} action={save} className="space-y-2">
        <input type="hidden" name="provider" value={provider} />
        <label htmlFor={id} className="block text-sm font-medium">
          {label} API key
        </label>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint ? (
            <>
              Stored: <code data-testid="key-hint">{hint}</code>
            </>
          ) : (
            "No key stored."
          )}
          {note ? ` ${note}` : ""}
        </p>
        <div className="flex gap-2">
          <input
            id={id}
            name="key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={hint ? "Paste a new key to replace it" : "Paste the key"}
            aria-invalid={saved.errors?.key ? true : undefined}
            aria-describedby={saved.errors?.key ? `${id}-error` : undefined}
            className={inputClass}
          />
          <button type="submit" disabled={saving} className={`${primaryButton} mt-1 shrink-0`}>
            {hint ? "Replace key" : "Save key"}
          </button>
        </div>
        {saved.errors?.key ? (
          <p id={`${id}-error`} className={errorText}>
            {saved.errors.key}
          </p>
        ) : null}
        <FormStatus state={saved} />
      </form>
      {hint ? (
        <form action={remove}>
          <input type="hidden" name="provider" value={provider} />
          <button type="submit" disabled={deleting} className={secondaryButton}>
            Delete {label} key
          </button>
          <FormStatus state={deleted} />
        </form>
      ) : null}
    </div>
  );
}

"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import {
  deleteEndpointAction,
  saveEndpointAction,
  testEndpointAction,
} from "@/app/settings/actions";
import type { ConnectionTest, EndpointView } from "@/lib/settings/endpoints";
import { FormStatus } from "./form-status";
import { errorText, inputClass, primaryButton, secondaryButton } from "./ui";

/** Adds an endpoint (no `endpoint`) or edits one; "Test connection" lists its models. */
export function EndpointForm({ endpoint }: { endpoint?: EndpointView }) {
  const [state, save, saving] = useActionState(saveEndpointAction, {});
  const [deleted, remove, deleting] = useActionState(deleteEndpointAction, {});
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [testing, startTest] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const prefix = endpoint ? `endpoint-${endpoint.id}` : "endpoint-new";
  const errors = state.errors ?? {};

  useEffect(() => {
    // A new endpoint's form empties once it is saved (the list above now shows it).
    if (state.ok && !endpoint) {
      form.current?.reset();
      setTest(null);
    }
  }, [state, endpoint]);

  const runTest = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    startTest(async () => setTest(await testEndpointAction(data)));
  };

  const field = (name: "name" | "baseURL" | "apiKey") => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  const fieldError = (name: "name" | "baseURL" | "apiKey") =>
    errors[name] ? (
      <p id={`${prefix}-${name}-error`} className={errorText}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <div className="space-y-3" data-testid="endpoint-form">
      <form ref={form} action={save} className="grid gap-3 sm:grid-cols-2">
        {endpoint ? <input type="hidden" name="endpointId" value={endpoint.id} /> : null}
        <div>
          <label htmlFor={`${prefix}-name`} className="block text-sm font-medium">
            Name
          </label>
          <input
            {...field("name")}
            defaultValue={endpoint?.name}
            placeholder="local"
            autoComplete="off"
            className={inputClass}
          />
          <p className="mt-1 text-xs text-zinc-500">
            Model ids become name:model, e.g. local:llama3.1
          </p>
          {fieldError("name")}
        </div>
        <div>
          <label htmlFor={`${prefix}-baseURL`} className="block text-sm font-medium">
            Base URL
          </label>
          <input
            {...field("baseURL")}
            type="url"
            defaultValue={endpoint?.baseUrl}
            placeholder="http://localhost:11434/v1"
            className={inputClass}
          />
          {fieldError("baseURL")}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${prefix}-apiKey`} className="block text-sm font-medium">
            API key (optional)
          </label>
          <input
            {...field("apiKey")}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={
              endpoint?.keyHint ? `Stored: ${endpoint.keyHint}. Type to replace it` : "None"
            }
            className={inputClass}
          />
          {fieldError("apiKey")}
          {endpoint?.keyHint ? (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeKey" /> Remove the stored key
            </label>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <button type="button" onClick={runTest} disabled={testing} className={secondaryButton}>
            {testing ? "Testing…" : "Test connection"}
          </button>
          <button type="submit" disabled={saving} className={primaryButton}>
            {saving ? "Saving…" : endpoint ? "Save changes" : "Add endpoint"}
          </button>
          <FormStatus state={state} />
        </div>
      </form>
      {test ? <TestResult test={test} /> : null}
      {endpoint ? (
        <form action={remove} className="flex items-center gap-2">
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <button type="submit" disabled={deleting} className={secondaryButton}>
            Delete endpoint {endpoint.name}
          </button>
          <FormStatus state={deleted} />
        </form>
      ) : null}
    </div>
  );
}

function TestResult({ test }: { test: ConnectionTest }) {
  if (!test.ok) {
    return (
      <p
        role="alert"
        data-testid="connection-error"
        className="text-sm text-red-700 dark:text-red-400"
      >
        Connection failed: {test.error}
      </p>
    );
  }
  return (
    <div role="status" data-testid="connection-ok" className="text-sm">
      <p className="text-emerald-700 dark:text-emerald-400">
        Connected: {test.models.length} model{test.models.length === 1 ? "" : "s"}.
      </p>
      {test.models.length > 0 ? (
        <ul className="mt-1 max-h-40 list-disc overflow-auto pl-5 text-zinc-700 dark:text-zinc-300">
          {test.models.map((m) => (
            <li key={m.id}>
              <code>{m.id}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

"use client";

import { type FormEvent, type KeyboardEvent, useId, useState } from "react";

/**
 * The prompt box. Enter (or Ctrl/⌘+Enter) sends, Shift+Enter starts a new line. While a run
 * is live the button stops it instead.
 */
export function Composer({
  onSend,
  onStop,
  live,
  blockedReason,
  error,
  placeholder,
}: {
  /** Resolves true when the prompt was accepted (then the box is cleared). */
  onSend: (prompt: string) => Promise<boolean>;
  onStop: () => Promise<void>;
  live: boolean;
  /** Why sending is not possible right now (invalid panel), or null. */
  blockedReason: string | null;
  error: string | null;
  placeholder: string;
}) {
  const [prompt, setPrompt] = useState("");
  const [pending, setPending] = useState<"send" | "stop" | null>(null);
  const id = useId();
  const empty = prompt.trim() === "";
  const reason = blockedReason ?? (empty ? "Type a question to send." : null);
  const canSend = !live && pending === null && reason === null;

  async function send() {
    if (!canSend) return;
    setPending("send");
    try {
      if (await onSend(prompt.trim())) setPrompt("");
    } finally {
      setPending(null);
    }
  }

  async function stop() {
    setPending("stop");
    try {
      await onStop();
    } finally {
      setPending(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Leave Enter alone while an input method is composing (Japanese, Chinese…).
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (live) void stop();
    else void send();
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Ask the panel"
      className="border-t border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="mx-auto flex max-w-5xl items-end gap-2">
        <label htmlFor={`${id}-prompt`} className="sr-only">
          Prompt
        </label>
        <textarea
          id={`${id}-prompt`}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          placeholder={placeholder}
          aria-describedby={`${id}-hint`}
          className="max-h-48 min-h-[2.75rem] flex-1 resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500/40 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {live ? (
          <button type="submit" className="btn-danger h-10 px-4" disabled={pending === "stop"}>
            {pending === "stop" ? "Stopping…" : "Stop"}
          </button>
        ) : (
          <button
            type="submit"
            className="btn-primary h-10 px-4"
            aria-disabled={!canSend}
            disabled={!canSend}
            title={reason ?? undefined}
          >
            {pending === "send" ? "Sending…" : "Send"}
          </button>
        )}
      </div>
      <p
        id={`${id}-hint`}
        data-testid="composer-hint"
        aria-live="polite"
        className={`mx-auto mt-1 max-w-5xl text-xs ${error || blockedReason ? "text-red-700 dark:text-red-300" : "text-zinc-500"}`}
      >
        {error ??
          (live
            ? "A run is in progress: Stop ends it and keeps the partial answers."
            : (reason ?? "Enter to send · Shift+Enter for a new line"))}
      </p>
    </form>
  );
}

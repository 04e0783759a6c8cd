"use client";

import { useEffect, useState } from "react";

/** Copies text to the clipboard and says so for a moment (also to screen readers). */
export function CopyButton({
  text,
  label,
  className = "",
  disabled = false,
}: {
  text: string;
  label: string;
  className?: string;
  disabled?: boolean;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 1_500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; say it did not work.
      setState("failed");
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      disabled={disabled}
      aria-label={label}
      className={`btn-ghost text-xs ${className}`}
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </span>
    </button>
  );
}

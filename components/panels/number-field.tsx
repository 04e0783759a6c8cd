"use client";

import { useEffect, useId, useState } from "react";

/**
 * A number input that keeps what is typed (so "0." or "" can be on the way to a value) and
 * hands the parent a number, or undefined when empty. Out-of-range values are passed on too:
 * the panel's validation says what is wrong, next to this field (`error`).
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
  error,
  hint,
  className = "",
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min: number;
  max: number;
  step: number;
  placeholder?: string;
  error?: string | null;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const [unparsable, setUnparsable] = useState(false);
  // Follow changes made elsewhere (a preset, "reset"), but not our own echo.
  useEffect(() => {
    setText((t) =>
      t !== "" && Number(t) === value ? t : value === undefined ? "" : String(value),
    );
  }, [value]);
  const message = unparsable ? "Enter a number." : error;
  return (
    <div className={`flex flex-col gap-1 text-sm ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        placeholder={placeholder}
        aria-invalid={message ? true : undefined}
        aria-describedby={message || hint ? `${id}-note` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const n = next.trim() === "" ? undefined : Number(next);
          const bad = n !== undefined && !Number.isFinite(n);
          setUnparsable(bad);
          if (!bad) onChange(n);
        }}
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 tabular-nums aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {message || hint ? (
        <p
          id={`${id}-note`}
          className={`text-xs ${message ? "text-red-700 dark:text-red-300" : "text-zinc-500"}`}
        >
          {message ?? hint}
        </p>
      ) : null}
    </div>
  );
}

import type { SimPersona } from "./personas";

/** `realistic` (the default), `fast` (for tests) or a speed multiplier. */
export type SimSpeed = "realistic" | "fast" | number;

export type SimTiming = { firstTokenMs: number; tokensPerSecond: number };

export function simTiming(persona: SimPersona, speed: SimSpeed = "realistic"): SimTiming {
  const factor = speed === "realistic" ? 1 : speed === "fast" ? 100 : speed;
  return {
    firstTokenMs: persona.firstTokenMs / factor,
    tokensPerSecond: persona.tokensPerSecond * factor,
  };
}

/** Streams are emitted in ticks rather than per token, like real providers batch bytes. */
const TICK_MS = 15;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function abortReason(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/**
 * Yields batches of tokens at `tokensPerSecond`, starting `startDelayMs` after the call.
 * Rejects with the abort reason as soon as the signal fires.
 */
export async function* paceTokens(
  tokens: readonly string[],
  tokensPerSecond: number,
  signal?: AbortSignal,
  startDelayMs = 0,
): AsyncGenerator<string> {
  if (startDelayMs > 0) await sleep(startDelayMs, signal);
  const start = performance.now();
  let emitted = 0;
  while (emitted < tokens.length) {
    if (signal?.aborted) throw abortReason(signal);
    const elapsed = performance.now() - start;
    const due = Math.min(tokens.length, Math.floor((elapsed / 1000) * tokensPerSecond) + 1);
    if (due > emitted) {
      yield tokens.slice(emitted, due).join("");
      emitted = due;
    }
    if (emitted < tokens.length) {
      const nextAt = (emitted / tokensPerSecond) * 1000;
      await sleep(Math.max(TICK_MS, nextAt - (performance.now() - start)), signal);
    }
  }
}

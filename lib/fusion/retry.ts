import { APICallError, RetryError } from "ai";
import type { CallError } from "./events";

export type RetryPolicy = {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the call fails as rate limited. */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

function unwrap(error: unknown): unknown {
  return RetryError.isInstance(error) ? (error.lastError ?? error) : error;
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function isNetworkError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    if (e instanceof TypeError && /fetch failed|network|terminated/i.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isAbortError(error: unknown): boolean {
  const e = unwrap(error);
  return (
    (e instanceof Error || e instanceof DOMException) &&
    (e.name === "AbortError" || e.name === "TimeoutError")
  );
}

/** 429, 5xx and network errors are worth another try — but only before the first token. */
export function isRetryable(error: unknown): boolean {
  const e = unwrap(error);
  if (APICallError.isInstance(e)) {
    const s = e.statusCode;
    if (s === 429 || (s !== undefined && s >= 500)) return true;
    // A 200 whose body broke off (the connection dropped) is a network error in disguise.
    return e.isRetryable && (s === undefined || isNetworkError(e.cause));
  }
  if ((e as { isRetryable?: unknown })?.isRetryable === false) return false;
  return isNetworkError(e);
}

/** Milliseconds the provider asked us to wait (Retry-After seconds or HTTP date), if any. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const e = unwrap(error);
  if (!APICallError.isInstance(e)) return null;
  const headers = e.responseHeaders ?? {};
  const ms = headers["retry-after-ms"];
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers["retry-after"];
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter, or the provider's Retry-After when it sent one. */
export function backoffMs(
  attempt: number,
  error: unknown,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  const asked = retryAfterMs(error);
  if (asked !== null) return asked <= policy.maxRetryAfterMs ? asked : null;
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export function describeError(error: unknown): CallError {
  const e = unwrap(error);
  if (isAbortError(e)) return { code: "cancelled", message: "Cancelled." };
  if (APICallError.isInstance(e)) {
    const status = e.statusCode;
    const code =
      status === 429 ? "rate_limited" : status === 402 ? "insufficient_credits" : "upstream_error";
    if (status !== undefined && status < 400) {
      return {
        code: "upstream_error",
        message: `The connection to the provider broke off (${errorText(e.cause) || e.message}).`,
      };
    }
    return { code, message: providerMessage(e), ...(status !== undefined ? { status } : {}) };
  }
  // Providers pass mid-stream error chunks through as plain objects: { code, message, type }.
  const raw = e as { message?: unknown; code?: unknown } | null;
  const message =
    e instanceof Error ? e.message : typeof raw?.message === "string" ? raw.message : String(e);
  const status = typeof raw?.code === "number" ? raw.code : undefined;
  return {
    code:
      status === 429 ? "rate_limited" : status === 402 ? "insufficient_credits" : "upstream_error",
    message: message || "The provider returned an error.",
    ...(status !== undefined ? { status } : {}),
  };
}

function providerMessage(e: APICallError): string {
  const status = e.statusCode ? `HTTP ${e.statusCode}: ` : "";
  try {
    const body = JSON.parse(e.responseBody ?? "") as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return `${status}${body.error.message}`;
  } catch {
    // Not JSON: fall back to the SDK's message.
  }
  return `${status}${e.message}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : "";
}

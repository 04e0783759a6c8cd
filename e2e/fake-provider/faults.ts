/**
 * Faults a test can inject into the fake provider. They sit in one queue and are consumed in
 * order; each request takes at most one (the first that matches it), so a test can script
 * "first call 429, second call fine" or "the judge's first answer is broken JSON".
 */
export type FaultTarget = {
  /** Only requests for this model (prefixes such as `sim/` or `sim:` are ignored). */
  model?: string;
  /** How many matching requests this fault applies to. Default 1. */
  times?: number;
};

export type Fault = FaultTarget &
  (
    | {
        kind: "status";
        /** 429, 500, 502, 503 are the usual ones; 400/401/402 also work. */
        status: number;
        /** Sets `Retry-After` (seconds), as OpenRouter and OpenAI do on 429/503. */
        retryAfterSeconds?: number;
        /** Replaces the default OpenAI-shaped error body. */
        body?: unknown;
        message?: string;
      }
    /** Holds the response back before its first byte (headers included). */
    | { kind: "delay"; ms: number }
    /** Destroys the socket after this many content chunks (0 = right after the headers). */
    | { kind: "drop"; afterChunks: number }
    /** Sends an SSE error event after this many content chunks, then ends the response. */
    | { kind: "error-event"; afterChunks: number; message?: string }
    /** Structured-output requests only: returns truncated JSON (the judge's repair path). */
    | { kind: "invalid-json" }
    /** Structured-output requests only: valid JSON that is not an analysis. */
    | { kind: "schema-mismatch" }
  );

export type FaultKind = Fault["kind"];

/** Model ids arrive as `atlas`, `sim/atlas`, `quorum/atlas` or `sim:atlas`. */
export function modelSlug(model: string): string {
  const afterSlash = model.slice(model.lastIndexOf("/") + 1);
  return afterSlash.startsWith("sim:") ? afterSlash.slice(4) : afterSlash;
}

export class FaultQueue {
  private queue: { fault: Fault; left: number }[] = [];

  inject(fault: Fault): void {
    const left = fault.times ?? 1;
    if (left > 0) this.queue.push({ fault, left });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Takes the first fault that applies to this request. JSON faults only apply to
   * structured-output requests, so a test can aim one at "the judge" without naming a model
   * and panelists running at the same time leave it alone.
   */
  take(slug: string, wantsJson: boolean): Fault | null {
    const index = this.queue.findIndex(({ fault }) => {
      if (fault.model !== undefined && modelSlug(fault.model) !== slug) return false;
      if ((fault.kind === "invalid-json" || fault.kind === "schema-mismatch") && !wantsJson) {
        return false;
      }
      return true;
    });
    if (index < 0) return null;
    const entry = this.queue[index];
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}

/** What the `invalid-json` fault answers: cut off mid-array, as a truncated model reply is. */
export const INVALID_JSON_TEXT = '{"consensus": [{"point": "Most responses agree';

/** What the `schema-mismatch` fault answers: parses, but fails the analysis schema. */
export const SCHEMA_MISMATCH_TEXT = JSON.stringify({
  consensus: "The responses broadly agree.",
  contradictions: [{ topic: 42 }],
  summary: "A field the schema does not have.",
});

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "insufficient_quota",
  404: "not_found_error",
  408: "timeout",
  429: "rate_limit_exceeded",
  502: "bad_gateway",
  503: "service_unavailable",
};

const ERROR_MESSAGES: Record<number, string> = {
  400: "Bad request.",
  401: "Invalid API key.",
  402: "Insufficient credits.",
  404: "Not found.",
  429: "Rate limit exceeded, please retry later.",
  500: "Internal server error.",
  502: "Upstream provider returned an invalid response.",
  503: "No provider is available for this model right now.",
};

/**
 * An error body in OpenAI's shape. `code` is the HTTP status as a number, as OpenRouter sends
 * it; both providers accept a string or a number there.
 */
export function errorBody(status: number, message?: string) {
  return {
    error: {
      message: message ?? ERROR_MESSAGES[status] ?? `HTTP ${status}`,
      type: ERROR_TYPES[status] ?? "server_error",
      code: status,
      param: null,
    },
  };
}

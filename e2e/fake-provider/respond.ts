import type { ServerResponse } from "node:http";
import { SIM_FAILURE_MESSAGE, type SimCompletion } from "@/lib/models/sim/generator";
import { paceTokens, type SimTiming, sleep } from "@/lib/models/sim/timing";
import { errorBody, type Fault } from "./faults";
import {
  completionObject,
  deltaChunk,
  errorChunk,
  type ResponseHead,
  usageChunk,
  usageOf,
} from "./protocol";
import { SseWriter } from "./sse";

/** Everything needed to answer one chat request once faults and the completion are decided. */
export type ResponseContext = {
  res: ServerResponse;
  /** Fires when the client goes away; pacing stops at once. */
  signal: AbortSignal;
  completion: SimCompletion;
  timing: SimTiming;
  fault: Fault | null;
  habits: boolean;
  includeUsage: boolean;
  head: ResponseHead;
  /** Destroys the socket on purpose (the `drop` fault), without counting as a client abort. */
  drop(): void;
  /** Counts streamed content chunks on the recorded request. */
  onChunk(): void;
};

export const INJECTED_ERROR_MESSAGE = "Injected fault: the upstream provider failed mid-stream.";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Text tokens that actually go out: a failing persona stops at `failAfterTokens`. */
function sentTokens(c: SimCompletion): string[] {
  return c.failAfterTokens !== null ? c.tokens.slice(0, c.failAfterTokens) : c.tokens;
}

export async function streamCompletion(ctx: ResponseContext): Promise<void> {
  const { signal, completion: c, timing, fault, habits, head } = ctx;
  const sse = new SseWriter(ctx.res);
  sse.start(habits ? { "x-generation-id": head.id } : {});
  if (habits) sse.startKeepAlive();
  try {
    await sleep(timing.firstTokenMs, signal);
  } finally {
    sse.stopKeepAlive();
  }

  const stopAfter =
    fault?.kind === "drop" || fault?.kind === "error-event" ? fault.afterChunks : null;
  let sent = 0;
  /** Fires a `drop` / `error-event` fault once `afterChunks` content chunks are out. */
  const faultFired = (): boolean => {
    if (stopAfter === null || sent < stopAfter) return false;
    if (fault?.kind === "drop") ctx.drop();
    if (fault?.kind === "error-event") {
      sse.data(errorChunk(head, fault.message ?? INJECTED_ERROR_MESSAGE, habits));
      sse.end();
    }
    return true;
  };

  const text = sentTokens(c);
  // OpenRouter streams reasoning as `delta.reasoning` (its provider reads that or
  // `reasoning_details`); local servers say `reasoning_content`. openai-compatible reads both.
  const reasoningKey = habits ? "reasoning" : "reasoning_content";
  const phases: [string, readonly string[]][] = [
    [reasoningKey, c.reasoningTokens],
    ["content", text],
  ];
  for (const [key, tokens] of phases) {
    for await (const batch of paceTokens(tokens, timing.tokensPerSecond, signal)) {
      if (faultFired()) return;
      sse.data(
        deltaChunk(head, sent === 0 ? { role: "assistant", [key]: batch } : { [key]: batch }),
      );
      sent += 1;
      ctx.onChunk();
    }
  }
  // A fault aimed past the last chunk still fires, before the finish chunk.
  if (faultFired()) return;
  if (c.failAfterTokens !== null) {
    sse.data(errorChunk(head, SIM_FAILURE_MESSAGE, habits));
    sse.end();
    return;
  }
  sse.data(deltaChunk(head, {}, c.finishReason));
  // OpenRouter always sends usage (its provider never asks for it by default); OpenAI only
  // with `stream_options.include_usage`.
  if (ctx.includeUsage || habits) sse.data(usageChunk(head, usageOf(c, text.length, habits)));
  sse.done();
}

export async function respondCompletion(ctx: ResponseContext): Promise<void> {
  const { res, signal, completion: c, timing, fault, habits, head } = ctx;
  const text = sentTokens(c);
  const outputTokens = c.reasoningTokens.length + text.length;
  // A non-streaming client sees nothing until the whole answer is "generated".
  await sleep(timing.firstTokenMs + (outputTokens / timing.tokensPerSecond) * 1000, signal);
  if (fault?.kind === "drop") {
    ctx.drop();
    return;
  }
  if (fault?.kind === "error-event" || c.failAfterTokens !== null) {
    const message =
      fault?.kind === "error-event"
        ? (fault.message ?? INJECTED_ERROR_MESSAGE)
        : SIM_FAILURE_MESSAGE;
    // OpenRouter reports a failure after the model started as HTTP 200 with an error body
    // (its provider checks `"error" in response`); a plain OpenAI-compatible server uses 502.
    if (habits) sendJson(res, 200, { error: { code: 502, message, type: "server_error" } });
    else sendJson(res, 502, errorBody(502, message));
    return;
  }
  const usage = usageOf(c, c.tokens.length, habits);
  const body = completionObject(
    head,
    { content: c.text, reasoning: c.reasoning },
    c.finishReason,
    usage,
    habits,
  );
  sendJson(res, 200, body, habits ? { "x-generation-id": head.id } : {});
}

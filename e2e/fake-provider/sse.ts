import type { ServerResponse } from "node:http";

/** OpenRouter's keep-alive comment; spec-compliant SSE parsers must skip it. */
export const PROCESSING_COMMENT = ": OPENROUTER PROCESSING";
const KEEP_ALIVE_MS = 100;

/**
 * Writes one Server-Sent Events response. Every write is a no-op once the socket is gone, so
 * callers racing a client disconnect never throw "write after end".
 */
export class SseWriter {
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(private readonly res: ServerResponse) {}

  get open(): boolean {
    return !this.res.destroyed && !this.res.writableEnded;
  }

  start(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      ...headers,
    });
    // Headers go out now, not with the first data line: clients see the 200 at once, as they
    // do from OpenRouter while the model is still thinking.
    this.res.flushHeaders();
  }

  comment(text: string): void {
    if (this.open) this.res.write(`${text}\n\n`);
  }

  data(payload: unknown): void {
    if (this.open) this.res.write(`data: ${JSON.stringify(payload)}\n\n`);
  }

  /** Comment lines while the "model" has not produced a token yet: one now, then periodically. */
  startKeepAlive(): void {
    this.comment(PROCESSING_COMMENT);
    this.keepAlive = setInterval(() => this.comment(PROCESSING_COMMENT), KEEP_ALIVE_MS);
  }

  stopKeepAlive(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }

  done(): void {
    this.stopKeepAlive();
    if (!this.open) return;
    this.res.write("data: [DONE]\n\n");
    this.res.end();
  }

  /** Ends without `[DONE]`, the way a stream ends after an error event. */
  end(): void {
    this.stopKeepAlive();
    if (this.open) this.res.end();
  }
}

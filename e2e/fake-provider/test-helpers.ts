import type { TextStreamPart, ToolSet } from "ai";

/** What a test wants from a streamText result: text, reasoning, error parts, finish reason. */
export type Drained = {
  text: string;
  reasoning: string;
  errors: unknown[];
  finishReason: string | null;
  /** Set when iterating the stream threw instead of yielding an error part. */
  thrown: unknown;
};

/**
 * Reads a `fullStream` to the end. Providers differ in how a broken stream shows up (an error
 * part, or the stream itself throwing), so both are captured instead of failing the test.
 */
export async function drain(stream: AsyncIterable<TextStreamPart<ToolSet>>): Promise<Drained> {
  const out: Drained = {
    text: "",
    reasoning: "",
    errors: [],
    finishReason: null,
    thrown: undefined,
  };
  try {
    for await (const part of stream) {
      if (part.type === "text-delta") out.text += part.text;
      else if (part.type === "reasoning-delta") out.reasoning += part.text;
      else if (part.type === "error") out.errors.push(part.error);
      else if (part.type === "finish") out.finishReason = part.finishReason;
    }
  } catch (error) {
    out.thrown = error;
  }
  return out;
}

/** The message of an error part, whether an Error or the raw `{ message }` object a chunk carried. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error)
    return String(error.message);
  return String(error);
}

/** Reads a raw SSE body as text (for checking the wire format itself). */
export async function rawSse(url: string, body: unknown): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.text();
}

/** The `data:` payloads of an SSE body, parsed (except `[DONE]`). */
export function dataLines(sse: string): unknown[] {
  return sse
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as unknown);
}

import type { Db } from "@/db/client";
import { type ActivityCursor, type ActivityFilters, listActivityRuns } from "@/db/queries/activity";
import { csvRow } from "./csv";

const PAGE = 500;
const PROMPT_CHARS = 1000;

export const CSV_HEADER = [
  "created_at",
  "run_id",
  "conversation_id",
  "conversation_title",
  "status",
  "panel",
  "judge",
  "synthesizer",
  "input_tokens",
  "output_tokens",
  "cost_usd",
  "unpriced_calls",
  "duration_ms",
  "prompt",
];

/**
 * The user's runs matching the filters as a CSV stream, newest first. Pulled a page at a time
 * through the same cursor as the Activity page, so a year of runs never sits in memory.
 */
export function activityCsvStream(
  db: Db,
  params: { userId: string; filters: ActivityFilters },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: ActivityCursor | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(CSV_HEADER)));
        return;
      }
      const page = listActivityRuns(db, { ...params, cursor, limit: PAGE });
      let text = "";
      for (const run of page.runs) {
        const of = (role: string) =>
          run.models
            .filter((m) => m.role === role)
            .map((m) => m.model)
            .join(" | ");
        text += csvRow([
          new Date(run.createdAt).toISOString(),
          run.id,
          run.conversationId,
          run.conversationTitle,
          run.status,
          of("panelist"),
          of("judge"),
          of("synthesizer"),
          run.inputTokens,
          run.outputTokens,
          (run.costMicroUsd / 1e6).toFixed(6),
          run.unpricedCalls,
          run.durationMs,
          run.prompt.slice(0, PROMPT_CHARS),
        ]);
      }
      if (text) controller.enqueue(encoder.encode(text));
      if (!page.next) controller.close();
      else cursor = page.next;
    },
  });
}

/**
 * Activity's filters and cursor as they travel in the URL (`?from=2026-01-01&to=…&model=…
 * &status=…&cursor=…`), shared by the page and the CSV export so both mean the same runs.
 * Dates are whole UTC days, both ends included.
 */
import { z } from "zod";
import {
  ACTIVITY_STATUSES,
  type ActivityCursor,
  type ActivityFilters,
} from "@/db/queries/activity";
import { DAY_MS } from "@/db/queries/activity-rollup";

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((value, ctx) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "is not a date" });
      return z.NEVER;
    }
    return ms / DAY_MS;
  });

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** A bad or empty value is ignored, not an error: the page shows everything instead. */
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess((v) => (single(v) === "" ? undefined : single(v)), schema.optional())
    .catch(undefined);

const searchSchema = z.object({
  from: optional(dateSchema),
  to: optional(dateSchema),
  model: optional(z.string().min(1).max(300)),
  status: optional(z.enum(ACTIVITY_STATUSES)),
  cursor: optional(z.string().max(300)),
});

export type ActivitySearch = { filters: ActivityFilters; cursor: ActivityCursor | undefined };

export function parseActivitySearch(
  params: Record<string, string | string[] | undefined>,
): ActivitySearch {
  const parsed = searchSchema.parse(params);
  let { from, to } = parsed;
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return {
    filters: {
      ...(from !== undefined ? { fromDay: from } : {}),
      ...(to !== undefined ? { toDay: to } : {}),
      ...(parsed.model ? { model: parsed.model } : {}),
      ...(parsed.status ? { status: parsed.status } : {}),
    },
    cursor: parsed.cursor ? decodeCursor(parsed.cursor) : undefined,
  };
}

/** Opaque to users, readable to us: `<createdAt>.<id>` in base64url. */
export function encodeCursor(cursor: ActivityCursor): string {
  return Buffer.from(`${cursor.createdAt}.${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string): ActivityCursor | undefined {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const dot = text.indexOf(".");
  const createdAt = Number(text.slice(0, dot));
  const id = text.slice(dot + 1);
  if (dot <= 0 || !Number.isSafeInteger(createdAt) || id === "") return undefined;
  return { createdAt, id };
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The URL query for these filters (and cursor), the inverse of parseActivitySearch. */
export function activityQuery(filters: ActivityFilters, cursor?: ActivityCursor): string {
  const query = new URLSearchParams();
  if (filters.fromDay !== undefined) query.set("from", dayToDate(filters.fromDay));
  if (filters.toDay !== undefined) query.set("to", dayToDate(filters.toDay));
  if (filters.model) query.set("model", filters.model);
  if (filters.status) query.set("status", filters.status);
  if (cursor) query.set("cursor", encodeCursor(cursor));
  const text = query.toString();
  return text ? `?${text}` : "";
}

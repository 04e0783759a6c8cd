import Link from "next/link";
import { ACTIVITY_STATUSES, type ActivityFilters } from "@/db/queries/activity";
import { activityQuery, dayToDate } from "@/lib/activity/params";
import type { ModelName } from "./format";

const field =
  "mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const button =
  "rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus:outline-none focus:ring-2 focus:ring-zinc-400 dark:bg-zinc-100 dark:text-zinc-900";

/** A plain GET form: filters live in the URL, work without JavaScript and can be bookmarked. */
export function FiltersForm({
  filters,
  models,
  modelName,
}: {
  filters: ActivityFilters;
  models: string[];
  modelName: ModelName;
}) {
  return (
    <form
      method="get"
      action="/activity"
      aria-label="Filters"
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="from" className="block text-xs font-medium">
          From (UTC)
        </label>
        <input
          id="from"
          name="from"
          type="date"
          defaultValue={filters.fromDay !== undefined ? dayToDate(filters.fromDay) : ""}
          className={field}
        />
      </div>
      <div>
        <label htmlFor="to" className="block text-xs font-medium">
          To (UTC)
        </label>
        <input
          id="to"
          name="to"
          type="date"
          defaultValue={filters.toDay !== undefined ? dayToDate(filters.toDay) : ""}
          className={field}
        />
      </div>
      <div>
        <label htmlFor="model" className="block text-xs font-medium">
          Model
        </label>
        <select id="model" name="model" defaultValue={filters.model ?? ""} className={field}>
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m} value={m}>
              {modelName(m)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className="block text-xs font-medium">
          Status
        </label>
        <select id="status" name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">All statuses</option>
          {ACTIVITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "running" ? "in progress" : s}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={button}>
        Apply filters
      </button>
      <Link href="/activity" className="py-1.5 text-sm underline">
        Clear
      </Link>
      <a
        href={`/api/activity/export${activityQuery(filters)}`}
        className="ml-auto py-1.5 text-sm font-medium underline"
        download
      >
        Export CSV
      </a>
    </form>
  );
}

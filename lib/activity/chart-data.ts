import { dayToDate } from "./params";

export type ChartSeries = { key: string; name: string; color: string };
/** One bar per day: `date` and, per series key, USD spent. */
export type ChartDay = { date: string } & Record<string, number | string>;

/** Enough colours to tell the biggest models apart; the rest share "Other models". */
const COLORS = ["#6366f1", "#f59e0b", "#10b981", "#ef4444", "#0ea5e9", "#a855f7", "#84cc16"];
const OTHER = { key: "other", name: "Other models", color: "#a1a1aa" };

/**
 * Rollup rows (day, model, micro-dollars) → one entry per day with USD per series. The models
 * that cost most over the range get their own series, in that order; the rest are grouped.
 */
export function chartData(
  rows: { day: number; model: string; costMicroUsd: number }[],
  modelName: (id: string) => string,
): { days: ChartDay[]; series: ChartSeries[] } {
  const spend = new Map<string, number>();
  for (const r of rows) spend.set(r.model, (spend.get(r.model) ?? 0) + r.costMicroUsd);
  const ranked = [...spend.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const own = ranked.slice(0, ranked.length > COLORS.length ? COLORS.length - 1 : COLORS.length);
  const keyOf = new Map(own.map((m, i) => [m, `s${i}`]));
  const series: ChartSeries[] = own.map((m, i) => ({
    key: `s${i}`,
    name: modelName(m),
    color: COLORS[i] ?? OTHER.color,
  }));
  if (ranked.length > own.length) series.push(OTHER);

  const byDay = new Map<number, ChartDay>();
  for (const r of rows) {
    const entry = byDay.get(r.day) ?? { date: dayToDate(r.day) };
    const key = keyOf.get(r.model) ?? OTHER.key;
    entry[key] = Number(entry[key] ?? 0) + r.costMicroUsd / 1e6;
    byDay.set(r.day, entry);
  }
  return { days: [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d), series };
}

"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { ChartDay, ChartSeries } from "@/lib/activity/chart-data";

const usd = (value: unknown) =>
  typeof value === "number" ? `$${value.toFixed(value < 1 ? 4 : 2)}` : "";

/** Cost per day, stacked by model. Series keys are `s0…`: model ids hold dots recharts would split. */
export function CostChart({ days, series }: { days: ChartDay[]; series: ChartSeries[] }) {
  if (days.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No spend in this range yet.</p>;
  }
  return (
    <figure aria-label="Cost per day, stacked by model" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis tickFormatter={usd} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={usd} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="cost"
              fill={s.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

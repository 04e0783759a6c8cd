const tokenFormat = new Intl.NumberFormat("en-US");

export function formatTokens(n: number): string {
  return tokenFormat.format(n);
}

/** "850 ms", "4.2 s", "2 m 05 s": short enough for a column header. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} m ${String(Math.round(s - m * 60)).padStart(2, "0")} s`;
}

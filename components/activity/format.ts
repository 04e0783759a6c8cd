/** Display formats shared by the Activity pages (server-rendered, so times are UTC). */
export { formatUsd } from "@/lib/fusion/cost";

export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatTokens(n: number): string {
  return n.toLocaleString("en");
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A function from model id to its display name (the id when the catalog does not know it). */
export type ModelName = (id: string) => string;

import { useSyncExternalStore } from "react";
import type { ConversationSummary } from "./sidebar";

/**
 * Conversations this tab just ran in. Starting a run does not re-render the room from the
 * server (that would block the main thread while columns start streaming), so the sidebar
 * merges these over the server's list: a new conversation appears, an old one moves to the top.
 */
type Touch = { id: string; title?: string; updatedAt: number };

let touched: ReadonlyMap<string, Touch> = new Map();
const listeners = new Set<() => void>();

export function touchConversation(touch: Touch): void {
  const previous = touched.get(touch.id);
  const next = new Map(touched);
  next.set(touch.id, { ...previous, ...touch, title: touch.title ?? previous?.title });
  touched = next;
  for (const listener of listeners) listener();
}

/** A deleted conversation must not come back from this tab's memory. */
export function forgetConversation(id: string): void {
  if (!touched.has(id)) return;
  const next = new Map(touched);
  next.delete(id);
  touched = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: ReadonlyMap<string, Touch> = new Map();

export function useConversationList(server: readonly ConversationSummary[]): ConversationSummary[] {
  const local = useSyncExternalStore(
    subscribe,
    () => touched,
    () => EMPTY,
  );
  if (local.size === 0) return [...server];
  const byId = new Map(server.map((c) => [c.id, c]));
  for (const t of local.values()) {
    const known = byId.get(t.id);
    if (known) {
      // The server's row is the truth (a rename); the touch only moves it to the top.
      byId.set(t.id, { ...known, updatedAt: Math.max(known.updatedAt, t.updatedAt) });
    } else if (t.title) {
      byId.set(t.id, { id: t.id, title: t.title, updatedAt: t.updatedAt });
    }
  }
  return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
}

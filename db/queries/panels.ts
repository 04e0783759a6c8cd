/**
 * Saved panels. Every read and write is scoped by the owner's id, so someone else's panel
 * behaves exactly like a missing one. Configs are JSON written here and parsed by
 * lib/panels/saved-panels.ts. Synchronous, like better-sqlite3.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { PanelConfig } from "@/lib/fusion/input";
import type { Db } from "../client";
import { conversations, type PanelRow, panels, runs } from "../schema";

/** Runs whose cost says what the panel costs: finished with an answer. */
const MEASURED_STATUSES = ["done", "degraded"];

const owned = (userId: string, panelId: string) =>
  and(eq(panels.id, panelId), eq(panels.userId, userId));

/** Throws SQLite's unique-constraint error when the user already has a panel of that name. */
export function createPanel(
  db: Db,
  params: { userId: string; name: string; config: PanelConfig; id?: string; now?: number },
): PanelRow {
  const now = params.now ?? Date.now();
  const row: PanelRow = {
    id: params.id ?? randomUUID(),
    userId: params.userId,
    name: params.name,
    config: JSON.stringify(params.config),
    createdAt: now,
    updatedAt: now,
  };
  db.insert(panels).values(row).run();
  return row;
}

/** The user's panels by name, case-insensitively (the order of the room's picker). */
export function listPanels(db: Db, params: { userId: string }): PanelRow[] {
  return db
    .select()
    .from(panels)
    .where(eq(panels.userId, params.userId))
    .orderBy(asc(sql`lower(${panels.name})`), asc(panels.createdAt))
    .all();
}

export function getPanel(
  db: Db,
  params: { userId: string; panelId: string },
): PanelRow | undefined {
  return db.select().from(panels).where(owned(params.userId, params.panelId)).get();
}

/**
 * Renames and/or replaces the config. Returns the updated row, or undefined when the panel is
 * missing or not the user's. Throws SQLite's unique-constraint error on a taken name.
 */
export function updatePanel(
  db: Db,
  params: { userId: string; panelId: string; name?: string; config?: PanelConfig; now?: number },
): PanelRow | undefined {
  const set = {
    ...(params.name !== undefined ? { name: params.name } : {}),
    ...(params.config !== undefined ? { config: JSON.stringify(params.config) } : {}),
    updatedAt: params.now ?? Date.now(),
  };
  return db.update(panels).set(set).where(owned(params.userId, params.panelId)).returning().get();
}

/** Deletes the panel; runs and conversations that used it keep their snapshot, not the link. */
export function deletePanel(db: Db, params: { userId: string; panelId: string }): boolean {
  const { userId, panelId } = params;
  return db.transaction((tx) => {
    const result = tx.delete(panels).where(owned(userId, panelId)).run();
    if (result.changes === 0) return false;
    tx.update(runs)
      .set({ panelId: null })
      .where(and(eq(runs.userId, userId), eq(runs.panelId, panelId)))
      .run();
    tx.update(conversations)
      .set({ panelId: null })
      .where(and(eq(conversations.userId, userId), eq(conversations.panelId, panelId)))
      .run();
    return true;
  });
}

export type PanelRunStats = { panelId: string; runs: number; avgCostMicroUsd: number };

/** How many finished runs each of the user's saved panels has had, and their average cost. */
export function panelRunStats(
  db: Db,
  params: { userId: string; panelIds?: readonly string[] },
): PanelRunStats[] {
  if (params.panelIds?.length === 0) return [];
  const rows = db
    .select({
      panelId: runs.panelId,
      runs: sql<number>`count(*)`,
      avgCostMicroUsd: sql<number>`avg(${runs.costMicroUsd})`,
    })
    .from(runs)
    .where(
      and(
        eq(runs.userId, params.userId),
        params.panelIds ? inArray(runs.panelId, [...params.panelIds]) : isNotNull(runs.panelId),
        inArray(runs.status, MEASURED_STATUSES),
      ),
    )
    .groupBy(runs.panelId)
    .all();
  return rows.flatMap((r) =>
    r.panelId === null
      ? []
      : [{ panelId: r.panelId, runs: r.runs, avgCostMicroUsd: Math.round(r.avgCostMicroUsd) }],
  );
}

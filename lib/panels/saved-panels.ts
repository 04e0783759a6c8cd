/**
 * Saved panels for server actions: validation, names unique per user, measured costs. Another
 * user's panel is "not found", never "forbidden".
 */
import type { Db } from "@/db/client";
import * as queries from "@/db/queries/panels";
import type { PanelRow } from "@/db/schema";
import { QuorumError } from "@/lib/errors";
import { type PanelConfig, panelConfigSchema } from "@/lib/fusion/input";
import { panelNameSchema, type SavedPanel, samePanel } from "./config";

/** Bad input to a saved panel; `field` is `name` or the config's path (`panel.2.temperature`). */
export class PanelInputError extends QuorumError {
  readonly field: string;
  constructor(field: string, message: string) {
    super("bad_request:panel", message);
    this.name = "PanelInputError";
    this.field = field;
  }
}

const notFound = () => new QuorumError("not_found:panel", "This saved panel does not exist.");

function parseName(name: unknown): string {
  const parsed = panelNameSchema.safeParse(name);
  if (!parsed.success) throw new PanelInputError("name", parsed.error.issues[0]?.message ?? "");
  return parsed.data;
}

function parseConfig(config: unknown): PanelConfig {
  const parsed = panelConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "panel";
  throw new PanelInputError(field, `${field}: ${issue?.message ?? "is invalid"}`);
}

/** A stored config that no longer validates (a model id rule tightened, say) is left out. */
function readConfig(row: PanelRow): PanelConfig | null {
  try {
    const parsed = panelConfigSchema.safeParse(JSON.parse(row.config));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "SQLITE_CONSTRAINT_UNIQUE"
  );
}

/** Runs a write that may hit the unique (user, name) index as a clear conflict. */
function named<T>(name: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new QuorumError("conflict:panel", `You already have a panel named “${name}”.`);
    }
    throw error;
  }
}

function toSaved(row: PanelRow, config: PanelConfig, stats?: queries.PanelRunStats): SavedPanel {
  return {
    id: row.id,
    name: row.name,
    config,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    runs: stats?.runs ?? 0,
    avgCostMicroUsd: stats ? stats.avgCostMicroUsd : null,
  };
}

export function listSavedPanels(params: { db: Db; userId: string }): SavedPanel[] {
  const stats = new Map(queries.panelRunStats(params.db, params).map((s) => [s.panelId, s]));
  return queries.listPanels(params.db, params).flatMap((row) => {
    const config = readConfig(row);
    return config ? [toSaved(row, config, stats.get(row.id))] : [];
  });
}

export function getSavedPanel(params: { db: Db; userId: string; panelId: string }): SavedPanel {
  const row = queries.getPanel(params.db, params);
  const config = row ? readConfig(row) : null;
  if (!row || !config) throw notFound();
  const [stats] = queries.panelRunStats(params.db, { ...params, panelIds: [row.id] });
  return toSaved(row, config, stats);
}

/** Creates a panel, or with `panelId` replaces that panel's name and config. */
export function savePanel(params: {
  db: Db;
  userId: string;
  panelId?: string;
  name: unknown;
  config: unknown;
}): SavedPanel {
  const { db, userId } = params;
  const name = parseName(params.name);
  const config = parseConfig(params.config);
  if (params.panelId === undefined) {
    const row = named(name, () => queries.createPanel(db, { userId, name, config }));
    return toSaved(row, config);
  }
  const panelId = params.panelId;
  const row = named(name, () => queries.updatePanel(db, { userId, panelId, name, config }));
  if (!row) throw notFound();
  return getSavedPanel({ db, userId, panelId });
}

export function renamePanel(params: {
  db: Db;
  userId: string;
  panelId: string;
  name: unknown;
}): SavedPanel {
  const { db, userId, panelId } = params;
  const name = parseName(params.name);
  if (!named(name, () => queries.updatePanel(db, { userId, panelId, name }))) throw notFound();
  return getSavedPanel({ db, userId, panelId });
}

/** A copy named "<name> (copy)", "<name> (copy 2)"… whichever is free first. */
export function duplicatePanel(params: { db: Db; userId: string; panelId: string }): SavedPanel {
  const { db, userId } = params;
  const original = getSavedPanel(params);
  const taken = new Set(queries.listPanels(db, { userId }).map((p) => p.name));
  const base = `${original.name} (copy`.slice(0, 90);
  let name = `${base})`;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n})`;
  const row = named(name, () => queries.createPanel(db, { userId, name, config: original.config }));
  return toSaved(row, original.config);
}

export function deleteSavedPanel(params: { db: Db; userId: string; panelId: string }): void {
  if (!queries.deletePanel(params.db, params)) throw notFound();
}

/**
 * The saved panel a run should be linked to: the one named, if it is the user's and the run's
 * panel is exactly it (a changed copy would skew its measured cost). Otherwise null; a stale or
 * foreign id is ignored rather than failing the run, which carries its own panel anyway.
 */
export function linkedPanelId(params: {
  db: Db;
  userId: string;
  panelId: string | null | undefined;
  config: PanelConfig;
}): string | null {
  if (!params.panelId) return null;
  const row = queries.getPanel(params.db, { userId: params.userId, panelId: params.panelId });
  const saved = row ? readConfig(row) : null;
  return row && saved && samePanel(saved, params.config) ? row.id : null;
}

/**
 * The panel being built, and every edit the builder makes to it, as pure functions (unit-tested
 * without a browser). A draft differs from a PanelConfigDraft in two ways: each panelist has a
 * stable key (the same model may sit in the panel twice, and drag-and-drop needs ids that
 * survive a reorder), and the judge or synthesizer slot may be empty while building.
 */
import {
  MAX_PANELISTS,
  type PanelConfigDraft,
  type Panelist,
  type RoleModel,
} from "@/lib/fusion/input";

export type SlotDraft = Panelist & { key: string };
export type Role = "judge" | "synthesizer";
export type RoleDraft = { model: string | null; instructions?: string };
export type SettingsDraft = NonNullable<PanelConfigDraft["settings"]>;

export type PanelDraft = {
  panel: SlotDraft[];
  judge: RoleDraft;
  synthesizer: RoleDraft;
  settings: SettingsDraft;
};

/** Keys only need to be unique within one draft, and across the drafts of one page. */
let nextKey = 0;
export function newSlotKey(): string {
  nextKey += 1;
  return `slot-${nextKey}`;
}

export function fromConfig(config: PanelConfigDraft): PanelDraft {
  return {
    panel: config.panel.map((p) => ({ ...p, key: newSlotKey() })),
    judge: { ...config.judge },
    synthesizer: { ...config.synthesizer },
    settings: { ...(config.settings ?? {}) },
  };
}

function roleConfig(role: RoleDraft): RoleModel | null {
  if (role.model === null) return null;
  // Empty instructions mean "the default", which is what leaving the field out says.
  const instructions = role.instructions?.trim() ? role.instructions : undefined;
  return instructions === undefined ? { model: role.model } : { model: role.model, instructions };
}

/** Leaves out what is unset, so equal panels serialise equally. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ""),
  ) as T;
}

/** The panel as runs and saved panels take it; null while the judge or synthesizer is empty. */
export function toConfig(draft: PanelDraft): PanelConfigDraft | null {
  const judge = roleConfig(draft.judge);
  const synthesizer = roleConfig(draft.synthesizer);
  if (!judge || !synthesizer) return null;
  return {
    panel: draft.panel.map(({ key: _key, ...p }) => compact(p)),
    judge,
    synthesizer,
    settings: compact(draft.settings),
  };
}

export function isFull(draft: PanelDraft): boolean {
  return draft.panel.length >= MAX_PANELISTS;
}

/** Adds a panelist at `at` (default: the end). A full panel is returned unchanged. */
export function addPanelist(draft: PanelDraft, model: string, at?: number): PanelDraft {
  if (isFull(draft)) return draft;
  const index = at === undefined ? draft.panel.length : clamp(at, 0, draft.panel.length);
  const panel = [...draft.panel];
  panel.splice(index, 0, { model, key: newSlotKey() });
  return { ...draft, panel };
}

export function removePanelist(draft: PanelDraft, index: number): PanelDraft {
  return { ...draft, panel: draft.panel.filter((_, i) => i !== index) };
}

/** Moves the panelist at `from` to position `to` (both clamped to the panel). */
export function movePanelist(draft: PanelDraft, from: number, to: number): PanelDraft {
  const panel = [...draft.panel];
  const [moved] = panel.splice(from, 1);
  if (!moved) return draft;
  panel.splice(clamp(to, 0, panel.length), 0, moved);
  return { ...draft, panel };
}

/** Changes one panelist's settings; `undefined` values clear a setting. */
export function updatePanelist(
  draft: PanelDraft,
  index: number,
  patch: Partial<Omit<Panelist, "model">>,
): PanelDraft {
  return {
    ...draft,
    panel: draft.panel.map((p, i) => (i === index ? { ...p, ...patch } : p)),
  };
}

/** Puts a model in the judge or synthesizer slot (null empties it); instructions stay. */
export function setRoleModel(draft: PanelDraft, role: Role, model: string | null): PanelDraft {
  return { ...draft, [role]: { ...draft[role], model } };
}

/** Custom instructions for a role; undefined goes back to the default. */
export function setInstructions(
  draft: PanelDraft,
  role: Role,
  instructions: string | undefined,
): PanelDraft {
  return { ...draft, [role]: { ...draft[role], instructions } };
}

export function updateSettings(draft: PanelDraft, patch: Partial<SettingsDraft>): PanelDraft {
  return { ...draft, settings: { ...draft.settings, ...patch } };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

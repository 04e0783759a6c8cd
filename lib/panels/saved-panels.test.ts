import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/db/test-db";
import { isQuorumError } from "@/lib/errors";
import { panelConfigSchema } from "@/lib/fusion/input";
import { INTRUDER, PANEL, setupDatabase, USER } from "@/lib/runs/__tests__/helpers";
import { samePanel } from "./config";
import {
  deleteSavedPanel,
  duplicatePanel,
  getSavedPanel,
  linkedPanelId,
  listSavedPanels,
  PanelInputError,
  renamePanel,
  savePanel,
} from "./saved-panels";

let t: TestDatabase;
beforeEach(() => {
  t = setupDatabase();
});
afterEach(() => t.cleanup());

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isQuorumError(error) ? error.code : String(error);
  }
  return undefined;
}

describe("saved panels", () => {
  it("save a named panel with defaults filled in, then save over it", () => {
    const created = savePanel({ db: t.db, userId: USER, name: "  Trio ", config: PANEL });
    expect(created).toMatchObject({ name: "Trio", runs: 0, avgCostMicroUsd: null });
    expect(created.config).toEqual(panelConfigSchema.parse(PANEL));
    const panel = [{ model: "sim:nova", temperature: 0.3 }];
    const updated = savePanel({
      db: t.db,
      userId: USER,
      panelId: created.id,
      name: "Trio",
      config: { ...PANEL, panel },
    });
    expect(updated.id).toBe(created.id);
    expect(updated.config.panel).toEqual(panel);
    expect(listSavedPanels({ db: t.db, userId: USER })).toHaveLength(1);
  });

  it("name the bad field", () => {
    const bad = (name: unknown, config: unknown) => {
      try {
        savePanel({ db: t.db, userId: USER, name, config });
      } catch (error) {
        if (error instanceof PanelInputError) return [error.field, error.message];
      }
      return null;
    };
    expect(bad("  ", PANEL)).toEqual(["name", "Give the panel a name."]);
    expect(bad("x", { ...PANEL, panel: [] })).toEqual([
      "panel",
      "panel: add at least one panelist",
    ]);
    expect(bad("x", { ...PANEL, panel: [{ model: "sim:atlas", temperature: 3 }] })?.[0]).toBe(
      "panel.0.temperature",
    );
  });

  it("refuse a second panel of the same name with a clear conflict", () => {
    savePanel({ db: t.db, userId: USER, name: "Trio", config: PANEL });
    const other = savePanel({ db: t.db, userId: USER, name: "Duo", config: PANEL });
    expect(codeOf(() => savePanel({ db: t.db, userId: USER, name: "Trio", config: PANEL }))).toBe(
      "conflict:panel",
    );
    expect(
      codeOf(() => renamePanel({ db: t.db, userId: USER, panelId: other.id, name: "Trio" })),
    ).toBe("conflict:panel");
  });

  it("duplicate under the first free “(copy)” name", () => {
    const original = savePanel({ db: t.db, userId: USER, name: "Trio", config: PANEL });
    const first = duplicatePanel({ db: t.db, userId: USER, panelId: original.id });
    const second = duplicatePanel({ db: t.db, userId: USER, panelId: original.id });
    expect([first.name, second.name]).toEqual(["Trio (copy)", "Trio (copy 2)"]);
    expect(samePanel(second.config, original.config)).toBe(true);
  });

  it("answer “not found” for another user's panel, never “forbidden”", () => {
    const mine = savePanel({ db: t.db, userId: USER, name: "Mine", config: PANEL });
    const asIntruder = { db: t.db, userId: INTRUDER, panelId: mine.id };
    expect(codeOf(() => getSavedPanel(asIntruder))).toBe("not_found:panel");
    expect(codeOf(() => renamePanel({ ...asIntruder, name: "x" }))).toBe("not_found:panel");
    expect(codeOf(() => duplicatePanel(asIntruder))).toBe("not_found:panel");
    expect(codeOf(() => deleteSavedPanel(asIntruder))).toBe("not_found:panel");
    expect(codeOf(() => savePanel({ ...asIntruder, name: "x", config: PANEL }))).toBe(
      "not_found:panel",
    );
    expect(listSavedPanels({ db: t.db, userId: INTRUDER })).toEqual([]);
    expect(getSavedPanel({ db: t.db, userId: USER, panelId: mine.id }).name).toBe("Mine");
  });

  it("link a run only to the user's own panel, and only when it is unchanged", () => {
    const mine = savePanel({ db: t.db, userId: USER, name: "Mine", config: PANEL });
    const config = panelConfigSchema.parse(PANEL);
    const link = (userId: string, panelId: string | null, c = config) =>
      linkedPanelId({ db: t.db, userId, panelId, config: c });
    expect(link(USER, mine.id)).toBe(mine.id);
    expect(
      link(USER, mine.id, { ...config, settings: { ...config.settings, temperature: 1 } }),
    ).toBeNull();
    expect(link(INTRUDER, mine.id)).toBeNull();
    expect(link(USER, "no-such-panel")).toBeNull();
    expect(link(USER, null)).toBeNull();
  });
});

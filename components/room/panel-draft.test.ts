import { describe, expect, it } from "vitest";
import { OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import { addPanelist, removePanelist, setRoleModel } from "./panel-draft";

describe("the room's quick panel edits", () => {
  it("caps the panel at eight and removes by position", () => {
    let panel = OFFLINE_DEMO_PANEL;
    for (let i = 0; i < 10; i++) panel = addPanelist(panel, "sim:atlas");
    expect(panel.panel).toHaveLength(8);
    expect(removePanelist(OFFLINE_DEMO_PANEL, 1).panel.map((p) => p.model)).toEqual([
      "sim:atlas",
      "sim:sage",
    ]);
  });

  it("swaps a role's model and keeps its instructions", () => {
    const panel = {
      ...OFFLINE_DEMO_PANEL,
      judge: { model: "sim:arbiter", instructions: "Be brief." },
    };
    expect(setRoleModel(panel, "judge", "sim:nova").judge).toEqual({
      model: "sim:nova",
      instructions: "Be brief.",
    });
  });
});

import { describe, expect, it } from "vitest";
import { OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import { PRESETS } from "@/lib/fusion/presets";
import { byIdOf, modelOption } from "@/lib/testing/model-options";
import {
  addPanelist,
  fromConfig,
  setRoleModel,
  updatePanelist,
  updateSettings,
} from "./panel-draft";
import { unreachableInPreset } from "./preset-cards";
import { checkDraft, panelProblem } from "./validation";

const NO_KEY = "Add an OpenRouter key in Settings to use this model.";
const byId = byIdOf([
  ...["sim:atlas", "sim:nova", "sim:sage", "sim:arbiter", "sim:weaver"].map((id) =>
    modelOption(id, { name: `${id.slice(4)} (simulated)` }),
  ),
  modelOption("openrouter:x/y", { name: "X: Y", reachable: false, unreachableReason: NO_KEY }),
]);

describe("panel validation", () => {
  it("accepts the offline demo panel", () => {
    const problems = checkDraft(fromConfig(OFFLINE_DEMO_PANEL), byId);
    expect(problems.runBlocker).toBeNull();
    expect(problems.saveBlocker).toBeNull();
    expect(panelProblem(OFFLINE_DEMO_PANEL, byId)).toBeNull();
  });

  it("says an empty panel needs a panelist, beside the panel and on Send", () => {
    const problems = checkDraft(fromConfig({ ...OFFLINE_DEMO_PANEL, panel: [] }), byId);
    expect(problems.panel?.message).toBe("Add at least one panelist.");
    expect(problems.saveBlocker).toBe("Add at least one panelist.");
    expect(panelProblem({ ...OFFLINE_DEMO_PANEL, panel: [] }, byId)).toBe(
      "Add at least one panelist.",
    );
  });

  it("refuses more than eight panelists", () => {
    const nine = { ...OFFLINE_DEMO_PANEL, panel: Array(9).fill({ model: "sim:atlas" }) };
    expect(checkDraft(fromConfig(nine), byId).panel?.message).toBe(
      "A panel has at most 8 panelists: remove 1.",
    );
  });

  it("says the judge or synthesizer is missing, by its slot", () => {
    const problems = checkDraft(setRoleModel(fromConfig(OFFLINE_DEMO_PANEL), "judge", null), byId);
    expect(problems.judge?.message).toMatch(/^Choose a judge/);
    expect(problems.synthesizer).toBeNull();
    expect(problems.runBlocker).toMatch(/^Choose a judge/);
  });

  it("names an unreachable model and why; that blocks running, not saving", () => {
    const draft = addPanelist(fromConfig(OFFLINE_DEMO_PANEL), "openrouter:x/y");
    const problems = checkDraft(draft, byId);
    expect(problems.slots.get(3)?.message).toBe(`Panelist 4: X: Y is not reachable: ${NO_KEY}`);
    expect(problems.runBlocker).toBe(`Panelist 4: X: Y is not reachable: ${NO_KEY}`);
    expect(problems.saveBlocker).toBeNull();
    const judged = checkDraft(
      setRoleModel(fromConfig(OFFLINE_DEMO_PANEL), "judge", "sim:gone"),
      byId,
    );
    expect(judged.judge?.message).toBe("Judge: sim:gone is not in your model catalog.");
  });

  it("checks temperatures and token limits, per panelist and for the run", () => {
    const hot = updatePanelist(fromConfig(OFFLINE_DEMO_PANEL), 0, { temperature: 2.5 });
    expect(checkDraft(hot, byId).slots.get(0)?.message).toBe(
      "Panelist 1: Temperature must be a number from 0 to 2.",
    );
    const run = updateSettings(fromConfig(OFFLINE_DEMO_PANEL), { maxCompletionTokens: 1.5 });
    const problems = checkDraft(run, byId);
    expect(problems.settings.get("maxCompletionTokens")?.message).toMatch(/whole number/);
    expect(problems.saveBlocker).toMatch(/^Run settings: /);
  });

  it("lists a preset's unreachable models grouped by reason", () => {
    const quality = PRESETS.find((p) => p.id === "quality");
    if (!quality) throw new Error("no Quality preset");
    const catalog = byIdOf(
      [...new Set([...quality.panel.panel.map((p) => p.model), quality.panel.judge.model])].map(
        (id) => modelOption(id, { name: id, reachable: false, unreachableReason: NO_KEY }),
      ),
    );
    const [group, ...rest] = unreachableInPreset(quality, catalog);
    expect(rest).toEqual([]);
    expect(group?.reason).toBe(NO_KEY);
    expect(group?.models).toHaveLength(3);
    const demo = PRESETS.find((p) => p.id === "offline-demo");
    if (!demo) throw new Error("no Offline demo preset");
    expect(unreachableInPreset(demo, byId)).toEqual([]);
  });
});

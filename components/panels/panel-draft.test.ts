import { describe, expect, it } from "vitest";
import { OFFLINE_DEMO_PANEL, panelConfigSchema } from "@/lib/fusion/input";
import {
  addPanelist,
  fromConfig,
  movePanelist,
  removePanelist,
  setInstructions,
  setRoleModel,
  toConfig,
  updatePanelist,
  updateSettings,
} from "./panel-draft";

const models = (d: { panel: { model: string }[] }) => d.panel.map((p) => p.model);

describe("panel draft", () => {
  it("round-trips a config, giving each panelist its own key", () => {
    const self = {
      ...OFFLINE_DEMO_PANEL,
      panel: [{ model: "sim:atlas" }, { model: "sim:atlas", temperature: 0.2 }],
    };
    const draft = fromConfig(self);
    expect(new Set(draft.panel.map((s) => s.key)).size).toBe(2);
    expect(toConfig(draft)).toEqual({ ...self, settings: {} });
  });

  it("adds at the end or at a position, and refuses a ninth panelist", () => {
    let draft = fromConfig(OFFLINE_DEMO_PANEL);
    draft = addPanelist(draft, "sim:ember");
    draft = addPanelist(draft, "sim:flaky", 0);
    expect(models(draft)).toEqual(["sim:flaky", "sim:atlas", "sim:nova", "sim:sage", "sim:ember"]);
    for (let i = 0; i < 5; i++) draft = addPanelist(draft, "sim:atlas");
    expect(draft.panel).toHaveLength(8);
    expect(addPanelist(draft, "sim:nova")).toBe(draft);
  });

  it("moves, removes and updates panelists by position", () => {
    const draft = fromConfig(OFFLINE_DEMO_PANEL);
    const moved = movePanelist(draft, 0, 2);
    expect(models(moved)).toEqual(["sim:nova", "sim:sage", "sim:atlas"]);
    expect(moved.panel[2]?.key).toBe(draft.panel[0]?.key);
    expect(models(movePanelist(draft, 2, 0))).toEqual(["sim:sage", "sim:atlas", "sim:nova"]);
    expect(models(removePanelist(draft, 1))).toEqual(["sim:atlas", "sim:sage"]);
    const tuned = updatePanelist(draft, 1, { temperature: 1.3, systemPrompt: "Be terse." });
    expect(toConfig(tuned)?.panel[1]).toEqual({
      model: "sim:nova",
      temperature: 1.3,
      systemPrompt: "Be terse.",
    });
    // Clearing a setting leaves it out of the config rather than sending `undefined`.
    const cleared = updatePanelist(tuned, 1, { temperature: undefined, systemPrompt: "" });
    expect(toConfig(cleared)?.panel[1]).toEqual({ model: "sim:nova" });
  });

  it("has no config while the judge or synthesizer slot is empty", () => {
    const draft = setRoleModel(fromConfig(OFFLINE_DEMO_PANEL), "judge", null);
    expect(toConfig(draft)).toBeNull();
    expect(toConfig(setRoleModel(draft, "judge", "sim:nova"))?.judge).toEqual({
      model: "sim:nova",
    });
  });

  it("keeps custom instructions, and empty ones mean the default", () => {
    const draft = fromConfig(OFFLINE_DEMO_PANEL);
    const custom = setInstructions(draft, "synthesizer", "Answer in French.");
    expect(toConfig(custom)?.synthesizer).toEqual({
      model: "sim:weaver",
      instructions: "Answer in French.",
    });
    expect(toConfig(setInstructions(custom, "synthesizer", "   "))?.synthesizer).toEqual({
      model: "sim:weaver",
    });
  });

  it("produces configs the engine accepts", () => {
    const draft = updateSettings(fromConfig(OFFLINE_DEMO_PANEL), {
      temperature: 0.4,
      reasoningEffort: "high",
      maxCompletionTokens: undefined,
    });
    const config = toConfig(draft);
    expect(config?.settings).toEqual({ temperature: 0.4, reasoningEffort: "high" });
    expect(panelConfigSchema.safeParse(config).success).toBe(true);
  });
});

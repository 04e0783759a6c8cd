import { describe, expect, it } from "vitest";
import { simModelInfos } from "@/lib/models/catalog";
import { OFFLINE_SNAPSHOT } from "@/lib/models/catalog-refresh";
import { panelConfigSchema } from "./input";
import { PRESETS } from "./presets";

describe("presets", () => {
  it("are valid panels whose models all exist in the shipped catalog", () => {
    const known = new Set([...OFFLINE_SNAPSHOT, ...simModelInfos()].map((m) => m.id));
    expect(PRESETS.map((p) => p.id)).toEqual(["quality", "budget", "self-panel", "offline-demo"]);
    for (const preset of PRESETS) {
      const panel = panelConfigSchema.parse(preset.panel);
      const models = [
        ...panel.panel.map((p) => p.model),
        panel.judge.model,
        panel.synthesizer.model,
      ];
      for (const model of models) expect(known.has(model), `${preset.id}: ${model}`).toBe(true);
    }
    const self = PRESETS.find((p) => p.id === "self-panel");
    expect(new Set(self?.panel.panel.map((p) => p.model)).size).toBe(1);
  });
});

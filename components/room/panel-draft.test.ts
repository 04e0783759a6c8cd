import { describe, expect, it } from "vitest";
import { OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import type { ModelOption } from "./models-context";
import { addPanelist, estimateRunCostUsd, panelProblem, removePanelist } from "./panel-draft";

const model = (id: string, extra: Partial<ModelOption> = {}): ModelOption => ({
  id,
  name: id,
  provider: id.split(":")[0] ?? "",
  simulated: id.startsWith("sim:"),
  reachable: true,
  unreachableReason: null,
  inputPricePerMTok: 1,
  outputPricePerMTok: 2,
  ...extra,
});

const byId = new Map(
  [
    model("sim:atlas"),
    model("sim:nova"),
    model("sim:sage"),
    model("sim:arbiter"),
    model("sim:weaver"),
    model("openrouter:x/y", { reachable: false, unreachableReason: "Add an OpenRouter API key." }),
  ].map((m) => [m.id, m]),
);

describe("panel draft", () => {
  it("accepts the offline demo panel", () => {
    expect(panelProblem(OFFLINE_DEMO_PANEL, byId)).toBeNull();
  });

  it("says why a panel cannot run", () => {
    expect(panelProblem({ ...OFFLINE_DEMO_PANEL, panel: [] }, byId)).toBe(
      "Add at least one panelist.",
    );
    expect(panelProblem(addPanelist(OFFLINE_DEMO_PANEL, "openrouter:x/y"), byId)).toBe(
      "Panelist openrouter:x/y is unavailable: Add an OpenRouter API key.",
    );
    expect(panelProblem({ ...OFFLINE_DEMO_PANEL, judge: { model: "sim:gone" } }, byId)).toBe(
      "Judge sim:gone is not a known model.",
    );
  });

  it("caps the panel at eight and removes by position", () => {
    let panel = OFFLINE_DEMO_PANEL;
    for (let i = 0; i < 10; i++) panel = addPanelist(panel, "sim:atlas");
    expect(panel.panel).toHaveLength(8);
    expect(removePanelist(OFFLINE_DEMO_PANEL, 1).panel.map((p) => p.model)).toEqual([
      "sim:atlas",
      "sim:sage",
    ]);
  });

  it("estimates a run's cost from list prices, or says it cannot", () => {
    expect(estimateRunCostUsd(OFFLINE_DEMO_PANEL, byId, 100, 100)).toBeCloseTo(
      // 3 panelists, a judge reading 3 answers, a synthesizer reading 4 texts.
      (3 * 300 + (400 * 1 + 200) + (500 * 1 + 200)) / 1e6,
    );
    expect(estimateRunCostUsd(addPanelist(OFFLINE_DEMO_PANEL, "sim:unknown"), byId)).toBeNull();
  });
});

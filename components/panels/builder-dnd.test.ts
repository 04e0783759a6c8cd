import { describe, expect, it } from "vitest";
import { dropAction, TARGETS } from "./builder-dnd";

const keys = ["slot-a", "slot-b", "slot-c"];
const target = (t: keyof typeof TARGETS) => ({
  id: TARGETS[t],
  data: { kind: "target" as const, target: t },
});
const slot = (key: string) => ({ id: key, data: { kind: "slot" as const, key, model: "sim:x" } });
const card = { kind: "catalog" as const, model: "sim:nova" };

describe("where a drop lands", () => {
  it("adds a catalog model to the panel, before a panelist, or into a role slot", () => {
    expect(dropAction(card, target("panel"), keys)).toEqual({ type: "add", model: "sim:nova" });
    expect(dropAction(card, slot("slot-b"), keys)).toEqual({
      type: "add",
      model: "sim:nova",
      at: 1,
    });
    expect(dropAction(card, target("judge"), keys)).toEqual({
      type: "role",
      role: "judge",
      model: "sim:nova",
    });
    expect(dropAction(card, null, keys)).toBeNull();
  });

  it("reorders panelists, and lends a panelist's model to a role", () => {
    const first = { kind: "slot" as const, key: "slot-a", model: "sim:atlas" };
    expect(dropAction(first, slot("slot-c"), keys)).toEqual({ type: "move", from: 0, to: 2 });
    expect(dropAction(first, slot("slot-a"), keys)).toBeNull();
    expect(dropAction(first, target("synthesizer"), keys)).toEqual({
      type: "role",
      role: "synthesizer",
      model: "sim:atlas",
    });
  });
});

import { describe, expect, it } from "vitest";
import { freshSimRunView, simRun } from "@/lib/testing/sim";
import { applyEvent, markInterrupted } from "./run-view";

const panel = ["sim:atlas", "sim:flaky", "sim:sage"];

function fresh() {
  return freshSimRunView(panel, "Is remote work here to stay?");
}

describe("applyEvent", () => {
  it("replaying a run's events rebuilds exactly what the engine returned", async () => {
    const { events, result } = await simRun(panel, "Is remote work here to stay?");
    const view = events.reduce(applyEvent, fresh());
    expect(view.seq).toBe(events.length);
    expect(view.status).toBe("degraded");
    expect(view.panel.map((c) => c.status)).toEqual(["done", "failed", "done"]);
    expect(view.panel.map((c) => c.text)).toEqual(result.panelists.map((c) => c.text));
    expect(view.panel[2]?.reasoning).toBe(result.panelists[2]?.reasoning);
    expect(view.judge.analysis).toEqual(result.analysis);
    expect(view.synthesizer.text).toBe(result.answer);
    expect(view.totals).toEqual(result.totals);
    expect(view.failedModels).toEqual(["sim:flaky"]);
    expect(view.labelMap).toEqual(result.labelMap);
  });

  it("keeps unchanged columns identical so they do not re-render", () => {
    let view = applyEvent(fresh(), {
      type: "panelist.started",
      index: 0,
      model: "sim:atlas",
      attempt: 1,
      at: 1,
    });
    const before = view.panel;
    view = applyEvent(view, { type: "panelist.delta", index: 0, channel: "text", delta: "Hello" });
    expect(view.panel[0]?.text).toBe("Hello");
    expect(view.panel[0]?.status).toBe("streaming");
    expect(view.panel[1]).toBe(before[1]);
    expect(view.panel[2]).toBe(before[2]);
  });

  it("marks calls still open as interrupted, keeping their partial text", () => {
    let view = applyEvent(fresh(), {
      type: "panelist.delta",
      index: 1,
      channel: "text",
      delta: "Partial",
    });
    view = markInterrupted(view);
    expect(view.status).toBe("interrupted");
    expect(view.panel[1]).toMatchObject({ status: "interrupted", text: "Partial" });
    expect(view.panel[0]?.status).toBe("interrupted");
  });
});

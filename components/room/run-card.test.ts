import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FusionEvent } from "@/lib/fusion/events";
import { simModelInfos } from "@/lib/models/catalog";
import { applyEvent, type RunView } from "@/lib/runs/run-view";
import { freshSimRunView, simRun } from "@/lib/testing/sim";
import { type ModelOption, ModelsProvider } from "./models-context";
import { RunCard } from "./run-card";

const models: ModelOption[] = simModelInfos().map((m) => ({
  ...m,
  reachable: true,
  unreachableReason: null,
}));

/** A real run's events, from the engine on simulated models. */
async function runEvents(panel: string[]): Promise<FusionEvent[]> {
  return (await simRun(panel, "Is remote work here to stay?")).events;
}

function fresh(panel: string[]): RunView {
  return freshSimRunView(panel, "Is remote work here to stay?");
}

const render = (view: RunView) =>
  renderToStaticMarkup(
    createElement(
      ModelsProvider,
      { models },
      createElement(RunCard, {
        initial: view,
        index: 0,
        onStop: async () => null,
        onRetry: async () => null,
      }),
    ),
  );

const attrs = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1] ?? "");

describe("RunCard", () => {
  it("shows a finished, degraded run: named columns, the failure, analysis and exact totals", async () => {
    const panel = ["sim:atlas", "sim:flaky", "sim:sage"];
    const view = (await runEvents(panel)).reduce(applyEvent, fresh(panel));
    const html = render(view);

    for (const name of ["Atlas", "Flaky", "Sage"]) {
      expect(html).toContain(`aria-label="${name} (simulated) answer"`);
    }
    expect(html).toMatch(/data-model="sim:flaky" data-status="failed"/);
    expect(html).toContain("Simulated upstream failure");
    for (const section of [
      "Consensus",
      "Contradictions",
      "Partial coverage",
      "Unique insights",
      "Blind spots",
    ]) {
      expect(html).toContain(`aria-label="${section}"`);
    }
    // Chips name models, not the judge's anonymous labels.
    const chips = [...html.matchAll(/data-testid="model-chip"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) expect(chip).toMatch(/ \(simulated\)$/);

    const costs = attrs(html, "data-cost-micro").map(Number);
    // Five calls, then the totals bar.
    expect(costs).toHaveLength(6);
    expect(costs[5]).toBe(costs.slice(0, 5).reduce((a, b) => a + b, 0));
    expect(costs[5]).toBe(view.totals?.costMicroUsd);
  });

  it("says why there is no analysis when the judge failed", async () => {
    const panel = ["sim:atlas", "sim:nova"];
    const events = await runEvents(panel);
    const finished = events.find((e) => e.type === "judge.finished");
    if (finished?.type !== "judge.finished") throw new Error("no judge call");
    const failed: FusionEvent = {
      type: "judge.failed",
      reason: "judge_not_valid_json",
      message: "The judge did not return JSON.",
      call: {
        ...finished.call,
        status: "failed",
        error: { message: "not JSON", code: "upstream_error" },
      },
    };
    const view = events.map((e) => (e === finished ? failed : e)).reduce(applyEvent, fresh(panel));
    const html = render(view);
    expect(html).toContain("judge failed: judge_not_valid_json");
    expect(html).not.toContain('aria-label="Consensus"');
  });

  it("renders a live run with placeholders and a Stop button", () => {
    const html = render(fresh(["sim:atlas"]));
    expect(html).toContain('aria-label="Stop run"');
    expect(html).toContain("Waiting to start…");
    expect(html).not.toContain(">Retry<");
  });
});

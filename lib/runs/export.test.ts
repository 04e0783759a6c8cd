import { describe, expect, it } from "vitest";
import type { FusionEvent } from "@/lib/fusion/events";
import { runFusion } from "@/lib/fusion/run-fusion";
import { simResolver } from "./__tests__/helpers";
import { runToJson, runToMarkdown } from "./export";
import { applyEvent, newRunView, type RunView } from "./run-view";

const PROMPT = "Should we rewrite the backend in Rust?";

/** A finished run's view, built by folding a real (simulated) run's events. */
async function finishedView(panel: string[]): Promise<RunView> {
  const events: FusionEvent[] = [];
  await runFusion(
    {
      panel: panel.map((model) => ({ model })),
      judge: { model: "sim:arbiter" },
      synthesizer: { model: "sim:weaver" },
      messages: [{ role: "user", content: PROMPT }],
      settings: { seed: 3 },
    },
    { resolve: simResolver() },
    { emit: (e) => events.push(e) },
  );
  const start = newRunView({
    id: "run-1",
    conversationId: "c1",
    prompt: PROMPT,
    createdAt: Date.UTC(2025, 0, 2),
    panel,
    judge: "sim:arbiter",
    synthesizer: "sim:weaver",
  });
  return events.reduce(applyEvent, start);
}

const NAMES: Record<string, string> = { "sim:atlas": "Atlas", "sim:nova": "Nova" };
const modelName = (id: string) => NAMES[id] ?? id;

describe("run export", () => {
  it("writes Markdown with every answer, the analysis by model name, the answer and totals", async () => {
    const view = await finishedView(["sim:atlas", "sim:nova", "sim:atlas"]);
    const md = runToMarkdown(view, { modelName });
    expect(md).toContain(`## Prompt\n\n${PROMPT}`);
    // A model on the panel twice is numbered so the analysis stays unambiguous.
    for (const heading of ["### Atlas #1", "### Nova", "### Atlas #2"]) {
      expect(md).toContain(heading);
    }
    for (const section of [
      "### Consensus",
      "### Contradictions",
      "### Partial coverage",
      "### Unique insights",
      "### Blind spots",
    ]) {
      expect(md).toContain(section);
    }
    expect(view.judge.analysis?.consensus.length).toBeGreaterThan(0);
    const analysis = md.slice(md.indexOf("## Analysis"), md.indexOf("## Final answer"));
    expect(analysis).toMatch(/\((Atlas #\d|Nova)(, (Atlas #\d|Nova))*\)/);
    expect(analysis).not.toMatch(/\(([A-C])(, [A-C])*\)/); // no bare labels left
    expect(md).toContain(view.synthesizer.text.trim());
    expect(md).toMatch(/- Cost: \$\d/);
    expect(md).toContain(view.panel[1]?.text.trim());
  });

  it("writes JSON with the run and the labels resolved to names", async () => {
    const view = await finishedView(["sim:atlas", "sim:nova"]);
    const parsed = JSON.parse(runToJson(view, { modelName }));
    expect(parsed.format).toBe("quorum.run.v1");
    expect(parsed.run.synthesizer.text).toBe(view.synthesizer.text);
    expect(parsed.run.judge.analysis).toEqual(view.judge.analysis);
    expect(parsed.run.seq).toBeUndefined();
    expect(Object.values(parsed.labels).sort()).toEqual(["Atlas", "Nova"]);
  });

  it("says what is missing for a run that did not finish", () => {
    const view = newRunView({
      id: "r",
      conversationId: "c",
      prompt: "Hi",
      createdAt: 0,
      panel: ["sim:atlas"],
      judge: "sim:arbiter",
      synthesizer: "sim:weaver",
    });
    const md = runToMarkdown({ ...view, status: "interrupted" });
    expect(md).toContain("_No analysis._");
    expect(md).toContain("_No final answer._");
    expect(md).toContain("_Not available: the run did not finish._");
  });
});

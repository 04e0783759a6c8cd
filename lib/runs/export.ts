import type { Analysis } from "@/lib/fusion/analysis";
import { formatUsd } from "@/lib/fusion/cost";
import type { CallView, RunView } from "./run-view";

export type ExportOptions = {
  /** Display name of a model id (e.g. from the registry); defaults to the id. */
  modelName?: (id: string) => string;
};

/**
 * Names of the panel's columns. A model on the panel twice (a self-panel) is numbered, so the
 * analysis' references stay unambiguous.
 */
function panelNames(view: RunView, modelName: (id: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const c of view.panel) counts.set(c.model, (counts.get(c.model) ?? 0) + 1);
  const seen = new Map<string, number>();
  return view.panel.map((c) => {
    const name = modelName(c.model);
    if ((counts.get(c.model) ?? 0) < 2) return name;
    const n = (seen.get(c.model) ?? 0) + 1;
    seen.set(c.model, n);
    return `${name} #${n}`;
  });
}

/** Resolves the judge's anonymous labels ("A") to the panelists' names. */
function labelResolver(view: RunView, names: string[]): (label: string) => string {
  return (label) => {
    const index = view.labelMap[label];
    return index === undefined ? `Response ${label}` : (names[index] ?? `Response ${label}`);
  };
}

function callLine(c: CallView): string {
  const parts: string[] = [c.status];
  const rec = c.call;
  if (rec) {
    parts.push(`${rec.inputTokens} in / ${rec.outputTokens} out tokens`);
    parts.push(formatUsd(rec.costMicroUsd));
    parts.push(`${(rec.latencyMs / 1000).toFixed(1)} s`);
  }
  return `_${parts.join(" · ")}_`;
}

function analysisMarkdown(analysis: Analysis, who: (label: string) => string): string[] {
  const list = (items: string[]) => (items.length > 0 ? items : ["_None._"]);
  const names = (labels: string[]) => labels.map(who).join(", ");
  return [
    "### Consensus",
    "",
    ...list(analysis.consensus.map((c) => `- ${c.point} (${names(c.models)})`)),
    "",
    "### Contradictions",
    "",
    ...list(
      analysis.contradictions.flatMap((c) => [
        `- **${c.topic}**`,
        ...c.stances.map((s) => `  - ${who(s.model)}: ${s.stance}`),
        ...(c.resolution ? [`  - _Resolution:_ ${c.resolution}`] : []),
      ]),
    ),
    "",
    "### Partial coverage",
    "",
    ...list(analysis.partial_coverage.map((c) => `- ${c.point} (${names(c.models)})`)),
    "",
    "### Unique insights",
    "",
    ...list(analysis.unique_insights.map((u) => `- ${u.insight} (${who(u.model)})`)),
    "",
    "### Blind spots",
    "",
    ...list(analysis.blind_spots.map((b) => `- ${b}`)),
  ];
}

/** A run as a Markdown document: prompt, answers, analysis, final answer, totals. */
export function runToMarkdown(view: RunView, options: ExportOptions = {}): string {
  const modelName = options.modelName ?? ((id: string) => id);
  const names = panelNames(view, modelName);
  const who = labelResolver(view, names);
  const lines: string[] = [
    "# Quorum run",
    "",
    `_${new Date(view.createdAt).toISOString()} · status: ${view.status}_`,
    "",
    "## Prompt",
    "",
    view.prompt,
    "",
    "## Panel",
  ];
  view.panel.forEach((c, i) => {
    lines.push("", `### ${names[i]}`, "", callLine(c), "");
    if (c.text.trim() !== "") lines.push(c.text.trim());
    else lines.push("_No answer._");
    if (c.call?.error) lines.push("", `> **Error:** ${c.call.error.message}`);
  });
  lines.push("", `## Analysis (judge: ${modelName(view.judge.model)})`, "");
  if (view.judge.analysis) lines.push(...analysisMarkdown(view.judge.analysis, who));
  else if (view.judge.failure) lines.push(`_The judge failed (${view.judge.failure})._`);
  else lines.push("_No analysis._");
  lines.push("", `## Final answer (synthesizer: ${modelName(view.synthesizer.model)})`, "");
  lines.push(view.synthesizer.text.trim() || "_No final answer._");
  if (view.failureMessage) lines.push("", `> **Run failed:** ${view.failureMessage}`);
  lines.push("", "## Totals", "");
  const t = view.totals;
  if (t) {
    const unpriced = t.unpricedCalls > 0 ? ` (+${t.unpricedCalls} call(s) of unknown price)` : "";
    lines.push(
      `- Cost: ${formatUsd(t.costMicroUsd)}${unpriced}`,
      `- Tokens: ${t.inputTokens} input, ${t.outputTokens} output (${t.reasoningTokens} reasoning)`,
      `- Duration: ${(t.durationMs / 1000).toFixed(1)} s`,
    );
  } else {
    lines.push("_Not available: the run did not finish._");
  }
  if (view.failedModels.length > 0) {
    lines.push(`- Failed models: ${view.failedModels.map(modelName).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A run as pretty-printed JSON: the RunView itself, plus the analysis with names resolved. */
export function runToJson(view: RunView, options: ExportOptions = {}): string {
  const modelName = options.modelName ?? ((id: string) => id);
  const who = labelResolver(view, panelNames(view, modelName));
  const { seq: _seq, ...run } = view;
  const labels = Object.fromEntries(Object.keys(view.labelMap).map((l) => [l, who(l)]));
  return `${JSON.stringify({ format: "quorum.run.v1", run, labels }, null, 2)}\n`;
}

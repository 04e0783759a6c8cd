"use client";

import { memo } from "react";
import { ANALYSIS_SECTIONS, type Analysis } from "@/lib/fusion/analysis";
import type { LabelMap } from "@/lib/fusion/events";
import type { RunView } from "@/lib/runs/run-view";
import { CallStats } from "./call-column";
import { useModels, usePanelNames } from "./models-context";
import { StatusBadge } from "./status-badge";

const TITLES: Record<(typeof ANALYSIS_SECTIONS)[number], string> = {
  consensus: "Consensus",
  contradictions: "Contradictions",
  partial_coverage: "Partial coverage",
  unique_insights: "Unique insights",
  blind_spots: "Blind spots",
};

type Resolve = (label: string) => string;

/** The judge sees anonymous labels ("A"); readers see the model behind each one. */
function useLabelResolver(labelMap: LabelMap, panel: RunView["panel"]): Resolve {
  const names = usePanelNames(panel);
  return (label) => {
    const index = labelMap[label];
    return (index === undefined ? undefined : names[index]) ?? `Response ${label}`;
  };
}

function ModelChips({ labels, resolve }: { labels: readonly string[]; resolve: Resolve }) {
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
      {labels.map((label) => (
        <span
          key={label}
          data-testid="model-chip"
          className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {resolve(label)}
        </span>
      ))}
    </span>
  );
}

/** The judge's partial JSON while it streams, made safe to render: odd shapes are dropped. */
function asPartialAnalysis(value: unknown): Analysis {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const list = <T,>(key: string, ok: (x: Record<string, unknown>) => boolean): T[] =>
    Array.isArray(v[key])
      ? (v[key] as unknown[]).filter(
          (x): x is T => !!x && typeof x === "object" && ok(x as Record<string, unknown>),
        )
      : [];
  const strs = (x: unknown) => (Array.isArray(x) ? x.filter((s) => typeof s === "string") : []);
  return {
    consensus: list<Analysis["consensus"][number]>(
      "consensus",
      (x) => typeof x.point === "string",
    ).map((x) => ({ ...x, models: strs(x.models) })),
    contradictions: list<Analysis["contradictions"][number]>(
      "contradictions",
      (x) => typeof x.topic === "string",
    ).map((x) => ({
      ...x,
      stances: (Array.isArray(x.stances) ? x.stances : []).filter(
        (s) => typeof s?.model === "string" && typeof s?.stance === "string",
      ),
    })),
    partial_coverage: list<Analysis["partial_coverage"][number]>(
      "partial_coverage",
      (x) => typeof x.point === "string",
    ).map((x) => ({ ...x, models: strs(x.models) })),
    unique_insights: list<Analysis["unique_insights"][number]>(
      "unique_insights",
      (x) => typeof x.insight === "string" && typeof x.model === "string",
    ),
    blind_spots: strs(v.blind_spots),
  };
}

function SectionItems({
  analysis,
  section,
  resolve,
}: {
  analysis: Analysis;
  section: (typeof ANALYSIS_SECTIONS)[number];
  resolve: Resolve;
}) {
  const empty = <li className="text-zinc-500 italic">None.</li>;
  switch (section) {
    case "consensus":
    case "partial_coverage": {
      const items = analysis[section];
      if (items.length === 0) return empty;
      return items.map((item) => (
        <li key={item.point}>
          {item.point}
          <ModelChips labels={item.models} resolve={resolve} />
        </li>
      ));
    }
    case "contradictions":
      if (analysis.contradictions.length === 0) return empty;
      return analysis.contradictions.map((c) => (
        <li key={c.topic}>
          <span className="font-medium">{c.topic}</span>
          <ul className="mt-1 ml-4 list-[circle] space-y-1">
            {c.stances.map((s) => (
              <li key={`${s.model}:${s.stance}`}>
                <ModelChips labels={[s.model]} resolve={resolve} /> {s.stance}
              </li>
            ))}
          </ul>
          {c.resolution ? (
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">Resolution: {c.resolution}</p>
          ) : null}
        </li>
      ));
    case "unique_insights":
      if (analysis.unique_insights.length === 0) return empty;
      return analysis.unique_insights.map((u) => (
        <li key={`${u.model}:${u.insight}`}>
          {u.insight}
          <ModelChips labels={[u.model]} resolve={resolve} />
        </li>
      ));
    case "blind_spots":
      if (analysis.blind_spots.length === 0) return empty;
      return analysis.blind_spots.map((b) => <li key={b}>{b}</li>);
  }
}

/** The judge's structured analysis as five labelled sections, or why there is none. */
export const AnalysisView = memo(function AnalysisView({
  judge,
  labelMap,
  panel,
}: {
  judge: RunView["judge"];
  labelMap: LabelMap;
  panel: RunView["panel"];
}) {
  const resolve = useLabelResolver(labelMap, panel);
  const { byId } = useModels();
  const analysis = judge.analysis ?? (judge.partial ? asPartialAnalysis(judge.partial) : null);
  const judgeName = byId.get(judge.model)?.name ?? judge.model;

  return (
    <section
      aria-label="Judge analysis"
      data-testid="analysis"
      data-status={judge.status}
      className="rounded-lg border border-zinc-200 bg-zinc-50/60 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <header className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 className="text-sm font-semibold">Analysis</h4>
        <span className="text-xs text-zinc-500">judge: {judgeName}</span>
        <StatusBadge status={judge.status} />
        <CallStats call={judge} />
      </header>
      {judge.failure ? (
        <p
          data-testid="judge-failed"
          className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          judge failed: {judge.failure}
          {judge.call?.error?.message ? ` (${judge.call.error.message})` : ""} — the final answer
          was written from the raw answers.
        </p>
      ) : analysis ? (
        // Columns rather than a grid: sections differ a lot in length.
        <div className="gap-x-8 text-sm md:columns-2">
          {ANALYSIS_SECTIONS.map((section) => (
            <section
              key={section}
              aria-label={TITLES[section]}
              data-section={section}
              className="mb-3 break-inside-avoid"
            >
              <h5 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                {TITLES[section]}
              </h5>
              <ul className="list-disc space-y-1 pl-5">
                <SectionItems analysis={analysis} section={section} resolve={resolve} />
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="text-sm text-zinc-500 italic">
          {judge.status === "queued"
            ? "Waiting for the panel…"
            : judge.status === "cancelled" || judge.status === "interrupted"
              ? "Stopped before the analysis."
              : "The judge is reading the answers…"}
        </p>
      )}
    </section>
  );
});

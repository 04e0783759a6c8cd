import type { CallRecord, CostSource, RunTotals } from "./events";

/** USD per million tokens. Numerically equal to micro-dollars per token. */
export type Pricing = { inputPerMTok: number | null; outputPerMTok: number | null };

export type CallCost = { costMicroUsd: number | null; costSource: CostSource };

/**
 * A call's cost: the provider-reported figure when there is one (OpenRouter sends
 * `usage.cost` in USD), otherwise tokens × catalog price, otherwise unknown.
 */
export function callCost(args: {
  providerCostUsd: number | null;
  pricing: Pricing | null;
  inputTokens: number;
  outputTokens: number;
}): CallCost {
  if (args.providerCostUsd !== null && Number.isFinite(args.providerCostUsd)) {
    return { costMicroUsd: Math.round(args.providerCostUsd * 1e6), costSource: "provider" };
  }
  const p = args.pricing;
  if (p && p.inputPerMTok !== null && p.outputPerMTok !== null) {
    return {
      costMicroUsd: Math.round(
        args.inputTokens * p.inputPerMTok + args.outputTokens * p.outputPerMTok,
      ),
      costSource: "catalog",
    };
  }
  return { costMicroUsd: null, costSource: "unknown" };
}

/** Reads OpenRouter's reported cost out of AI SDK provider metadata, if present. */
export function providerReportedCost(metadata: unknown): number | null {
  const cost = (metadata as { openrouter?: { usage?: { cost?: unknown } } } | undefined)?.openrouter
    ?.usage?.cost;
  return typeof cost === "number" ? cost : null;
}

export function sumTotals(calls: readonly (CallRecord | null)[], durationMs: number): RunTotals {
  const totals: RunTotals = {
    costMicroUsd: 0,
    unpricedCalls: 0,
    inputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    durationMs,
  };
  for (const call of calls) {
    if (!call) continue;
    if (call.costMicroUsd === null) totals.unpricedCalls += 1;
    else totals.costMicroUsd += call.costMicroUsd;
    totals.inputTokens += call.inputTokens;
    totals.outputTokens += call.outputTokens;
    totals.reasoningTokens += call.reasoningTokens;
  }
  return totals;
}

export function formatUsd(micro: number | null): string {
  if (micro === null) return "unknown";
  const usd = micro / 1e6;
  if (usd === 0) return "$0";
  if (usd < 0.01) return `$${usd.toFixed(6).replace(/0+$/, "")}`;
  return `$${usd.toFixed(4).replace(/0{1,2}$/, "")}`;
}

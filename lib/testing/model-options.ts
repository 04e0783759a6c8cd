import type { ModelOption } from "@/lib/models/model-option";

/** A catalog entry for tests: reachable, $1/M in and $2/M out unless told otherwise. */
export function modelOption(id: string, extra: Partial<ModelOption> = {}): ModelOption {
  return {
    id,
    name: id,
    provider: id.split(":")[0] ?? "",
    vendor: "test",
    simulated: id.startsWith("sim:"),
    reachable: true,
    unreachableReason: null,
    contextLength: 128_000,
    inputPricePerMTok: 1,
    outputPricePerMTok: 2,
    capabilities: { tools: false, reasoning: false, structuredOutput: false },
    created: null,
    ...extra,
  };
}

export function byIdOf(models: readonly ModelOption[]): Map<string, ModelOption> {
  return new Map(models.map((m) => [m.id, m]));
}

import type { FusionEvent, FusionResult } from "@/lib/fusion/events";
import type { ModelResolver } from "@/lib/fusion/model-call";
import { runFusion } from "@/lib/fusion/run-fusion";
import { personaFor } from "@/lib/models/sim/generator";
import { createSimLanguageModel } from "@/lib/models/sim/language-model";
import type { SimSpeed, SimTiming } from "@/lib/models/sim/timing";
import { newRunView, type RunView } from "@/lib/runs/run-view";

/**
 * Simulated models for tests, priced from their personas: fast by default, another speed
 * (`realistic`, a multiplier) or fixed per-model timings where a test needs them.
 */
export function simResolver(
  options: { speed?: SimSpeed; timings?: Record<string, SimTiming> } = {},
): ModelResolver {
  const speed = options.speed ?? "fast";
  return (id) => {
    if (!id.startsWith("sim:")) throw new Error(`Unknown provider in "${id}".`);
    const persona = personaFor(id);
    const timing = options.timings?.[id];
    return {
      model: createSimLanguageModel(id, { speed, ...(timing ? { timing } : {}) }),
      pricing: {
        inputPerMTok: persona.inputPricePerMTok,
        outputPerMTok: persona.outputPricePerMTok,
      },
    };
  };
}

/** A real run on simulated models, with every event it emitted. */
export async function simRun(
  panel: readonly string[],
  prompt: string,
): Promise<{ events: FusionEvent[]; result: FusionResult }> {
  const events: FusionEvent[] = [];
  const result = await runFusion(
    {
      panel: panel.map((model) => ({ model })),
      judge: { model: "sim:arbiter" },
      synthesizer: { model: "sim:weaver" },
      messages: [{ role: "user", content: prompt }],
    },
    { resolve: simResolver() },
    { emit: (e) => events.push(e) },
  );
  return { events, result };
}

/** A run view before any event, for the panel `simRun` ran (same prompt, judge and synthesizer). */
export function freshSimRunView(panel: readonly string[], prompt: string): RunView {
  return newRunView({
    id: "r1",
    conversationId: "c1",
    prompt,
    createdAt: 0,
    panel,
    judge: "sim:arbiter",
    synthesizer: "sim:weaver",
  });
}

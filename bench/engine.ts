/**
 * Orchestration overhead of the engine over real HTTP: fusions with 1, 4 and 8 panelists
 * against the fake OpenAI-compatible server with fixed latencies. Overhead = end-to-end time ÷
 * (slowest panelist + judge + synthesizer), each as measured by its own call.
 */
import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import { startFakeProvider } from "@/e2e/fake-provider";
import { runFusion } from "@/lib/fusion/run-fusion";
import { personaFor } from "@/lib/models/sim/generator";

const TIMING = { firstTokenMs: 400, tokensPerSecond: 200 };
const PANELISTS = ["atlas", "nova", "sage", "ember"];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchEngine(): Promise<void> {
  const fake = await startFakeProvider({ timing: TIMING });
  const openrouter = createOpenRouter({ baseURL: fake.baseURL, apiKey: "bench" });
  const resolve = (id: string) => {
    const slug = id.slice(id.indexOf(":") + 1);
    const p = personaFor(slug);
    return {
      model: openrouter.chat(slug),
      pricing: { inputPerMTok: p.inputPricePerMTok, outputPerMTok: p.outputPricePerMTok },
    };
  };
  console.log(
    `engine: fake server over HTTP, first token ${TIMING.firstTokenMs} ms, ${TIMING.tokensPerSecond} tokens/s, median of ${REPEATS}`,
  );
  console.log("  panelists  end-to-end  slowest+judge+synth  overhead");
  try {
    for (const size of [1, 4, 8]) {
      const overheads: number[] = [];
      const walls: number[] = [];
      const ideals: number[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const started = performance.now();
        const result = await runFusion(
          {
            panel: Array.from({ length: size }, (_, i) => ({
              model: `openrouter:${PANELISTS[i % PANELISTS.length]}`,
            })),
            judge: { model: "openrouter:arbiter" },
            synthesizer: { model: "openrouter:weaver" },
            settings: { seed: r },
            messages: [
              { role: "user", content: "How do tides work, and why are there two a day?" },
            ],
          },
          { resolve },
        );
        const wall = performance.now() - started;
        if (result.status !== "done") throw new Error(`bench run ended ${result.status}`);
        const ideal =
          Math.max(...result.panelists.map((c) => c.latencyMs)) +
          (result.judge?.latencyMs ?? 0) +
          (result.synthesizer?.latencyMs ?? 0);
        walls.push(wall);
        ideals.push(ideal);
        overheads.push(wall / ideal);
      }
      console.log(
        `  ${String(size).padStart(9)}  ${median(walls).toFixed(0).padStart(7)} ms  ${median(ideals).toFixed(0).padStart(16)} ms  ${median(overheads).toFixed(3).padStart(8)}`,
      );
    }
  } finally {
    await fake.close();
  }
}

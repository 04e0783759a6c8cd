/**
 * `npm run fuse -- "prompt" [--panel a,b,c] [--judge id] [--synth id] [--temperature 0.7]
 *  [--seed 1] [--speed realistic|fast|N] [--json]`
 *
 * Runs one real fusion from the command line and prints each panelist, the judge's analysis
 * and the final answer, with costs. Simulated models by default; with OPENROUTER_API_KEY set,
 * `openrouter:*` ids reach OpenRouter (and QUORUM_ENDPOINTS' ids their endpoints).
 */
import { parseArgs } from "node:util";
import { ANALYSIS_SECTIONS } from "@/lib/fusion/analysis";
import { formatUsd } from "@/lib/fusion/cost";
import type { CallRecord, FusionEvent } from "@/lib/fusion/events";
import { FusionInputError, OFFLINE_DEMO_PANEL } from "@/lib/fusion/input";
import { runFusion } from "@/lib/fusion/run-fusion";
import { OFFLINE_SNAPSHOT } from "@/lib/models/catalog-refresh";
import { createModelRegistry, registryConfigFromEnv } from "@/lib/models/registry";
import { loadEnvFiles } from "./load-env";

const HELP = `Usage: npm run fuse -- "your question" [options]

  --panel a,b,c     panelist model ids (default: ${OFFLINE_DEMO_PANEL.panel.map((p) => p.model).join(",")})
  --judge id        judge model (default: ${OFFLINE_DEMO_PANEL.judge.model})
  --synth id        synthesizer model (default: ${OFFLINE_DEMO_PANEL.synthesizer.model})
  --temperature t   panel temperature, 0–2 (default 0.7)
  --seed n          repeatable sampling and answer order
  --speed s         simulated model speed: realistic | fast | a multiplier
  --json            print the whole result as JSON
Model ids: sim:atlas, sim:nova, sim:sage, sim:ember, sim:flaky, sim:arbiter, sim:weaver;
openrouter:<vendor/model> with OPENROUTER_API_KEY; <endpoint>:<model> with QUORUM_ENDPOINTS.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      panel: { type: "string" },
      judge: { type: "string" },
      synth: { type: "string" },
      temperature: { type: "string" },
      seed: { type: "string" },
      speed: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const prompt = positionals.join(" ").trim();
  if (values.help || !prompt) {
    console.log(HELP);
    return prompt || values.help ? 0 : 2;
  }

  loadEnvFiles();
  if (values.speed) process.env.QUORUM_SIM_SPEED = values.speed;
  // The command line signs nobody in, so it needs no secret of its own.
  const { parseEnv } = await import("@/lib/env");
  const env = parseEnv({ ...process.env, AUTH_SECRET: "x".repeat(32) });
  const registry = createModelRegistry(registryConfigFromEnv(env, [...OFFLINE_SNAPSHOT]));

  const panel = values.panel
    ? values.panel.split(",").map((model) => ({ model: model.trim() }))
    : OFFLINE_DEMO_PANEL.panel;
  const input = {
    panel,
    judge: { model: values.judge ?? OFFLINE_DEMO_PANEL.judge.model },
    synthesizer: { model: values.synth ?? OFFLINE_DEMO_PANEL.synthesizer.model },
    settings: {
      ...(values.temperature ? { temperature: Number(values.temperature) } : {}),
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    },
    messages: [{ role: "user", content: prompt }],
  };

  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const progress = (e: FusionEvent) => {
    if (values.json) return;
    if (e.type === "panelist.started" && e.attempt > 1) {
      console.error(`  panelist ${e.index + 1} (${e.model}) retrying, attempt ${e.attempt}`);
    } else if (e.type === "panelist.finished" || e.type === "panelist.failed") {
      console.error(
        `  ${mark(e.call)} panelist ${e.index + 1} ${e.call.model} in ${secs(e.call.latencyMs)}`,
      );
    } else if (e.type === "judge.started") console.error(`  … judging with ${e.model}`);
    else if (e.type === "synth.started") console.error(`  … synthesizing with ${e.model}`);
  };

  let result: Awaited<ReturnType<typeof runFusion>>;
  try {
    result = await runFusion(
      input,
      { resolve: (id) => registry.resolve(id) },
      {
        signal: controller.signal,
        emit: progress,
      },
    );
  } catch (error) {
    if (error instanceof FusionInputError) {
      console.error(
        `Invalid input — ${error.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
      );
      return 2;
    }
    throw error;
  }

  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return result.status === "failed" ? 1 : 0;
  }
  for (const call of result.panelists) {
    heading(`Panelist ${call.index + 1}: ${call.model} — ${call.status}`);
    if (call.error) console.log(`[error] ${call.error.message}`);
    console.log(call.text || "(no text)");
  }
  if (result.analysis) {
    heading(`Analysis by ${input.judge.model}`);
    const who = (label: string) => {
      const index = result.labelMap[label];
      return index === undefined ? label : (result.panelists[index]?.model ?? label);
    };
    for (const section of ANALYSIS_SECTIONS) {
      const items = result.analysis[section];
      console.log(`\n${section.replace("_", " ")} (${items.length})`);
      for (const item of items) {
        if (typeof item === "string") console.log(`  - ${item}`);
        else if ("point" in item)
          console.log(`  - ${item.point} [${item.models.map(who).join(", ")}]`);
        else if ("insight" in item) console.log(`  - ${item.insight} [${who(item.model)}]`);
        else {
          console.log(`  - ${item.topic}`);
          for (const s of item.stances) console.log(`      ${who(s.model)}: ${s.stance}`);
          if (item.resolution) console.log(`      → ${item.resolution}`);
        }
      }
    }
  } else if (result.judge) {
    heading("Analysis");
    console.log(`(none: ${result.degradedReasons.join(", ")})`);
  }
  heading(`Answer by ${input.synthesizer.model} — run ${result.status}`);
  console.log(result.answer || result.failureReason || "(no answer)");
  heading("Cost");
  for (const call of [...result.panelists, result.judge, result.synthesizer]) {
    if (!call) continue;
    const role = call.role === "panelist" ? `panelist ${call.index + 1}` : call.role;
    console.log(
      `  ${role.padEnd(12)} ${call.model.padEnd(28)} ${String(call.inputTokens).padStart(6)} in ${String(call.outputTokens).padStart(6)} out  ${formatUsd(call.costMicroUsd).padStart(10)} (${call.costSource})`,
    );
  }
  const t = result.totals;
  console.log(
    `  ${"total".padEnd(41)} ${String(t.inputTokens).padStart(6)} in ${String(t.outputTokens).padStart(6)} out  ${formatUsd(t.costMicroUsd).padStart(10)}  in ${secs(t.durationMs)}${t.unpricedCalls ? ` (+${t.unpricedCalls} unpriced)` : ""}`,
  );
  return result.status === "failed" ? 1 : 0;
}

function mark(call: CallRecord): string {
  return call.status === "done" ? "✓" : call.status === "cancelled" ? "■" : "✗";
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function heading(text: string) {
  console.log(`\n== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

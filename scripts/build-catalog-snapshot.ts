/**
 * Builds the offline catalog snapshot that ships with the app, so the model picker works on a
 * fresh install with no network: `npx tsx scripts/build-catalog-snapshot.ts [models.json]`.
 * Input defaults to the real OpenRouter response in ../shared/fixtures (also used by the tests);
 * pass a newer `GET /api/v1/models` response to update. Output:
 * lib/models/catalog-snapshot.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseOpenRouterCatalog, truncateDescription } from "@/lib/models/catalog";
import type { ModelInfo } from "@/lib/models/types";
import { OPENROUTER_MODELS_FIXTURE } from "@/lib/testing/fixtures";

const DEFAULT_INPUT = OPENROUTER_MODELS_FIXTURE;
const OUTPUT = path.join(process.cwd(), "lib", "models", "catalog-snapshot.json");
/** Descriptions are only a hint in the model picker; in full they would double the file. */
const MAX_DESCRIPTION = 300;

function main(): void {
  const input = process.argv[2] ?? DEFAULT_INPUT;
  const skipped: string[] = [];
  const models: ModelInfo[] = parseOpenRouterCatalog(JSON.parse(readFileSync(input, "utf8")), {
    onSkip: (s) => skipped.push(`#${s.index} ${s.id ?? "(no id)"}: ${s.reason}`),
  }).map((m) => ({ ...m, description: truncateDescription(m.description, MAX_DESCRIPTION) }));
  // One model per line: small, and a refresh shows up as a readable diff.
  const body = `[\n${models.map((m) => JSON.stringify(m)).join(",\n")}\n]\n`;
  writeFileSync(OUTPUT, body);
  console.log(
    `catalog snapshot: ${models.length} models from ${input} → ${path.relative(process.cwd(), OUTPUT)} (${Math.round(body.length / 1024)} KiB)`,
  );
  for (const line of skipped) console.warn(`  skipped ${line}`);
}

main();

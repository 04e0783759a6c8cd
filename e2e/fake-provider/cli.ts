/**
 * Runs the fake OpenAI-compatible provider until killed, for Playwright, benchmarks and manual
 * pokes with curl.
 *
 *   tsx e2e/fake-provider/cli.ts --port 4010 [--first-token-ms 5 --tokens-per-second 2000]
 *   tsx e2e/fake-provider/cli.ts --realistic        # each persona's own latency and speed
 *   tsx e2e/fake-provider/cli.ts --plain            # no OpenRouter habits (comments, cost)
 */
import { parseArgs } from "node:util";
import {
  FAST_TIMING,
  type FakeProviderOptions,
  realisticTiming,
  startFakeProvider,
} from "./server";

function numberOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a non-negative number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "first-token-ms": { type: "string" },
      "tokens-per-second": { type: "string" },
      realistic: { type: "boolean", default: false },
      plain: { type: "boolean", default: false },
    },
  });
  const timing: FakeProviderOptions["timing"] = values.realistic
    ? realisticTiming
    : {
        firstTokenMs: numberOption(
          values["first-token-ms"],
          "first-token-ms",
          FAST_TIMING.firstTokenMs,
        ),
        tokensPerSecond: numberOption(
          values["tokens-per-second"],
          "tokens-per-second",
          FAST_TIMING.tokensPerSecond,
        ),
      };
  if (typeof timing === "object" && timing.tokensPerSecond <= 0) {
    console.error("--tokens-per-second must be greater than 0");
    process.exit(2);
  }
  const fake = await startFakeProvider({
    port: numberOption(values.port, "port", 4010),
    host: values.host ?? "127.0.0.1",
    timing,
    openRouterHabits: !values.plain,
  });
  // One parseable line first: scripts wait for it to know the server is up.
  console.log(fake.url);
  console.error(`fake provider: baseURL ${fake.baseURL} (Ctrl+C to stop)`);

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

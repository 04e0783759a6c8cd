import { rmSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./e2e/chromium";

const PORT = 3100;
const BASE_URL = `http://localhost:${PORT}`;

// A fresh database per test run, deleted (with its WAL files) before the server starts.
// Workers load this file too, while the server is running: only the runner process deletes.
const E2E_DIR = path.resolve("test-results", "e2e-db");
if (!process.env.TEST_WORKER_INDEX) rmSync(E2E_DIR, { recursive: true, force: true });

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  retries: 0,
  reporter: "list",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    // A production build starts faster and runs steadier than `next dev` on small machines.
    command: `npm run build && npx next start -p ${PORT}`,
    url: BASE_URL,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_PATH: path.join(E2E_DIR, "quorum.db"),
      AUTH_SECRET: "e2e-test-secret-not-for-production-0123456789",
      // 2× realistic: a run takes ~7 s and a slow panelist streams for ~2.5 s, long enough to
      // stop or reload a run mid-way even on a busy machine ("fast" finishes in under a second).
      QUORUM_SIM_SPEED: "2",
      QUORUM_APP_URL: BASE_URL,
      // Tests save OpenRouter keys; keep the catalog refresh they trigger on this machine
      // (a closed local port: the refresh fails fast and the offline snapshot stays).
      OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

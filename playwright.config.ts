import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

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
    launchOptions: {
      // Debian's Chromium; `npx playwright install` needs the internet.
      executablePath:
        process.env.CHROMIUM_PATH ??
        (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
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
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

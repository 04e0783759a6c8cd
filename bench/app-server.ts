/**
 * The production app for browser benchmarks: built once per bench process, started on its own
 * port with a fresh database, like the e2e web server (playwright.config.ts).
 */
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "@/e2e/chromium";

let built = false;

export type RunningApp = { url: string; stop: () => Promise<void> };

export async function startApp(opts: { port: number; simSpeed: string }): Promise<RunningApp> {
  if (!built) {
    console.error("  (building the app…)");
    execSync("npx next build", { stdio: "ignore" });
    built = true;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "quorum-bench-"));
  const url = `http://localhost:${opts.port}`;
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(opts.port)], {
    env: {
      ...process.env,
      DATABASE_PATH: path.join(dir, "quorum.db"),
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
      QUORUM_SIM_SPEED: opts.simSpeed,
      QUORUM_APP_URL: url,
      OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/sign-in`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start on ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

/** A fresh account, signed in, through the sign-up page. */
export async function signUpForBench(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Email", { exact: true }).fill(`bench-${Date.now()}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill("bench-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((u) => !/\/sign-(up|in)/.test(u.pathname), { timeout: 30_000 });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

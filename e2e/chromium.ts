import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/**
 * How Quorum's browser tests and benchmarks launch Chromium: Debian's build (`npx playwright
 * install` needs the internet), headless, with background networking off because this
 * machine's closed network refuses those connections.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
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
};

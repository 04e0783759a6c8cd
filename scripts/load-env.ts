import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/** The files Next.js reads too, highest priority first. */
export const ENV_FILES = [".env.local", ".env"] as const;

/** Reads one dotenv file into an object; a missing file reads as empty. */
export function readEnvFile(file: string): Record<string, string | undefined> {
  const fullPath = path.resolve(file);
  return existsSync(fullPath) ? parseEnv(readFileSync(fullPath, "utf8")) : {};
}

/**
 * Loads `.env.local` then `.env` into `process.env` for scripts run outside Next.js.
 * Like Next, variables already set in the environment win over the files.
 */
export function loadEnvFiles(): void {
  for (const file of ENV_FILES) {
    for (const [key, value] of Object.entries(readEnvFile(file))) {
      if (process.env[key] === undefined && value !== undefined) process.env[key] = value;
    }
  }
}

import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.dirname(fileURLToPath(import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**/*.spec.ts", ".next/**", "test-results/**"],
    testTimeout: 20_000,
    // better-sqlite3 is a native addon: child processes isolate it more safely than threads.
    pool: "forks",
  },
});

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listCallsOfRuns } from "@/db/queries/calls";
import { getRun } from "@/db/queries/runs";
import { LOCAL_USER_ID } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/db/test-db";
import { until } from "./__tests__/helpers";
import { loadRunView } from "./load-run";
import { recoverInterruptedRuns } from "./recovery";

const CHILD = path.join(process.cwd(), "lib", "runs", "__tests__", "restart-child.ts");

let t: TestDatabase;
let child: ChildProcess | undefined;
beforeEach(() => {
  t = createTestDatabase();
});
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  t.cleanup();
});

describe("a server killed mid-run", () => {
  it("leaves a run that the next start marks interrupted, with its partial text", async () => {
    // `node --import tsx` rather than `npx tsx`: one process, so SIGKILL really kills the run
    // (npx and the tsx CLI each put a parent process in front of the one doing the work).
    child = spawn(process.execPath, ["--import", "tsx", CHILD], {
      env: { ...process.env, DATABASE_PATH: t.path },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const { runId } = await until(
      () => {
        if (child?.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
        const line = stdout.split("\n").find((l) => l.startsWith("{"));
        return line ? (JSON.parse(line) as { runId: string }) : undefined;
      },
      20_000,
      "the child to start a run",
    );
    const calls = () => listCallsOfRuns(t.db, { userId: LOCAL_USER_ID, runIds: [runId] });
    await until(
      () => calls().some((c) => c.role === "panelist" && c.status === "streaming" && c.text !== ""),
      20_000,
      "partial text to be flushed",
    );
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const partial = calls();
    expect(getRun(t.db, { userId: LOCAL_USER_ID, runId })?.status).toBe("running");
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(recoverInterruptedRuns(t.db)).toBe(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("marked 1 unfinished run"));
    warned.mockRestore();

    const run = getRun(t.db, { userId: LOCAL_USER_ID, runId });
    expect(run?.status).toBe("interrupted");
    expect(run?.finishedAt).not.toBeNull();
    const after = calls();
    for (const call of after) {
      const before = partial.find((c) => c.id === call.id);
      expect(call.text).toBe(before?.text); // text kept as flushed
      if (["queued", "thinking", "streaming"].includes(before?.status ?? "")) {
        expect(call.status).toBe("interrupted");
      }
    }
    expect(after.some((c) => c.text !== "")).toBe(true);
    expect(after.filter((c) => c.role !== "panelist").map((c) => c.status)).toEqual([
      "interrupted",
      "interrupted",
    ]);
    const view = await loadRunView(t.db, { userId: LOCAL_USER_ID, runId });
    expect(view.status).toBe("interrupted");
    expect(view.panel.some((c) => c.status === "interrupted" && c.text !== "")).toBe(true);
    // A second start finds nothing left to recover.
    expect(recoverInterruptedRuns(t.db)).toBe(0);
  }, 45_000);
});

import { ensureLocalUser, LOCAL_USER_ID } from "@/db/queries/users";
import { users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-db";
import type { FusionEvent } from "@/lib/fusion/events";
import type { PanelConfigDraft } from "@/lib/fusion/input";
import type { ModelResolver } from "@/lib/fusion/model-call";
import type { SimSpeed } from "@/lib/models/sim/timing";
import { simResolver as simResolverWith } from "@/lib/testing/sim";
import { createMemoryRunHub, type RunHub } from "../run-hub";
import { startRun } from "../start-run";

export const USER = LOCAL_USER_ID;
export const INTRUDER = "intruder";

export const PANEL: PanelConfigDraft = {
  panel: [{ model: "sim:atlas" }, { model: "sim:nova" }, { model: "sim:sage" }],
  judge: { model: "sim:arbiter" },
  synthesizer: { model: "sim:weaver" },
};

/** Simulated models only, at the given speed (a multiplier of realistic, or "fast"). */
export function simResolver(speed: SimSpeed = "fast"): ModelResolver {
  return simResolverWith({ speed });
}

/** A migrated temp database with the local user and a second user. */
export function setupDatabase(): TestDatabase {
  const t = createTestDatabase();
  ensureLocalUser(t.db);
  t.db.insert(users).values({ id: INTRUDER, name: "Someone else", createdAt: Date.now() }).run();
  return t;
}

/** A hub that also records every event published to it, in order. */
export function recordingHub(): RunHub & { events: Map<string, FusionEvent[]> } {
  const hub = createMemoryRunHub();
  const events = new Map<string, FusionEvent[]>();
  return {
    ...hub,
    events,
    publish(runId, event) {
      events.set(runId, [...(events.get(runId) ?? []), event]);
      hub.publish(runId, event);
    },
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function until<T>(
  check: () => T | undefined | false,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts the standard three-panelist run at 10× realistic speed on `hub`. */
export function startSimRun(t: TestDatabase, hub: RunHub): Promise<{ runId: string }> {
  return startRun({
    db: t.db,
    userId: USER,
    prompt: "Is remote work here to stay?",
    panel: PANEL,
    resolve: simResolver(10),
    hub,
  });
}

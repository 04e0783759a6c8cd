import { expect, type Locator, type Page } from "@playwright/test";

/** Generous but bounded: at QUORUM_SIM_SPEED=2 a run takes about seven seconds. */
export const RUN_TIMEOUT = 30_000;

export const FINISHED = ["done", "degraded", "failed", "cancelled", "interrupted"] as const;

/** Display names of the simulated models, as the catalog lists them. */
export const SIM = {
  atlas: "Atlas (simulated)",
  nova: "Nova (simulated)",
  sage: "Sage (simulated)",
  ember: "Ember (simulated)",
  flaky: "Flaky (simulated)",
} as const;

let users = 0;

/**
 * Signs a brand-new user up (and so in), so each test starts with an empty room of its own:
 * no conversations, the default panel.
 */
export async function signUpFreshUser(page: Page): Promise<string> {
  users += 1;
  const email = `room-${Date.now().toString(36)}-${process.pid}-${users}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/sign-(up|in)/, { timeout: 15_000 });
  return email;
}

/** The chatroom, driven through roles and labels. */
export class RoomPage {
  readonly prompt: Locator;
  readonly runs: Locator;
  readonly panelBar: Locator;
  readonly sidebar: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole("textbox", { name: "Prompt" });
    this.runs = page.getByTestId("run");
    this.panelBar = page.getByRole("region", { name: "Panel" });
    this.sidebar = page.getByRole("navigation", { name: "Conversations" });
  }

  async gotoNew() {
    await this.page.goto("/");
    await this.hydrated();
  }

  /** Server-rendered controls ignore input until React has hydrated them. */
  async hydrated() {
    await expect(this.page.locator("[data-hydrated=true]")).toBeVisible();
  }

  /** Replaces the panel with these simulated models (by id, e.g. `sim:atlas`). */
  async setPanel(models: string[]) {
    const chips = this.panelBar.getByTestId("panelist-chip");
    while ((await chips.count()) > 0) {
      const before = await chips.count();
      await chips
        .first()
        .getByRole("button", { name: /^Remove / })
        .click();
      await expect(chips).toHaveCount(before - 1);
    }
    const add = this.panelBar.getByRole("combobox", { name: "Add a panelist" });
    for (const model of models) await add.selectOption(model);
    await expect(chips).toHaveCount(models.length);
  }

  /** Sends a prompt and returns the run it started (the last in the thread). */
  async send(text: string): Promise<Locator> {
    const count = await this.runs.count();
    await this.prompt.fill(text);
    await this.prompt.press("Enter");
    await expect(this.runs).toHaveCount(count + 1, { timeout: RUN_TIMEOUT });
    return this.runs.nth(count);
  }

  column(run: Locator, modelName: string): Locator {
    return run.getByRole("region", { name: `${modelName} answer` });
  }

  async waitFinished(run: Locator, statuses: readonly string[] = FINISHED) {
    await expect(run).toHaveAttribute("data-status", new RegExp(`^(${statuses.join("|")})$`), {
      timeout: RUN_TIMEOUT,
    });
  }

  /** Micro-dollar costs of every call shown in a run (panelists, judge, synthesizer). */
  async callCosts(run: Locator): Promise<number[]> {
    const values = await run
      .getByTestId("call-cost")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-cost-micro") ?? ""));
    return values.map(Number);
  }

  /**
   * Samples every panel column's status on each animation frame, so short-lived states
   * (streaming lasts about a second at the test speed) are seen without racing for them.
   * Client-side navigation keeps the sampler running.
   */
  async recordColumnStatuses() {
    await this.page.evaluate(() => {
      const seen: Record<string, string[]> = {};
      (window as { __columnStatuses?: typeof seen }).__columnStatuses = seen;
      const sample = () => {
        for (const el of document.querySelectorAll("[data-testid=panelist-column]")) {
          const model = el.getAttribute("data-model") ?? "";
          const status = el.getAttribute("data-status") ?? "";
          const list = seen[model] ?? [];
          if (list.at(-1) !== status) list.push(status);
          seen[model] = list;
        }
        requestAnimationFrame(sample);
      };
      sample();
    });
  }

  async seenColumnStatuses(): Promise<Record<string, string[]>> {
    return this.page.evaluate(
      () => (window as { __columnStatuses?: Record<string, string[]> }).__columnStatuses ?? {},
    );
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}

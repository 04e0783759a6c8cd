/**
 * Main-thread smoothness of the room: 8 simulated panelists streaming fast at once, watched in
 * Chromium. Reports the longest main-thread task and the count of tasks over 50 ms during the
 * run, from the browser's Long Tasks API. Target: no task over 50 ms.
 */
import { launchChromium, signUpForBench, startApp } from "./app-server";

const PANEL = [
  "sim:atlas",
  "sim:nova",
  "sim:sage",
  "sim:ember",
  "sim:arbiter",
  "sim:weaver",
  "sim:atlas",
  "sim:nova",
];
const RUNS = 3;
/** 5× the realistic speed: 150–450 tokens/s per panelist, 8 at once. */
const SIM_SPEED = "5";

export async function benchRoomLongTasks(): Promise<void> {
  const app = await startApp({ port: 3291, simSpeed: SIM_SPEED });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await signUpForBench(page, app.url);
    await page.goto(`${app.url}/`);
    await page.locator("[data-hydrated=true]").waitFor();
    const bar = page.getByRole("region", { name: "Panel" });
    const chips = bar.getByTestId("panelist-chip");
    while ((await chips.count()) > 0)
      await chips
        .first()
        .getByRole("button", { name: /^Remove / })
        .click();
    for (const model of PANEL)
      await bar.getByRole("combobox", { name: "Add a panelist" }).selectOption(model);

    console.log(
      `room: 8 simulated panelists at ${SIM_SPEED}× realistic speed, Chromium long tasks during each run`,
    );
    console.log("  run  duration  longest task  tasks > 50 ms  total long-task time");
    for (let i = 0; i < RUNS; i++) {
      const runs = page.getByTestId("run");
      const before = await runs.count();
      const since = await page.evaluate(() => performance.now());
      await page.getByRole("textbox", { name: "Prompt" }).fill(`How do tides work? (bench ${i})`);
      await page.getByRole("textbox", { name: "Prompt" }).press("Enter");
      const run = runs.nth(before);
      await run.waitFor();
      await page.waitForFunction(
        (index) => {
          const el = document.querySelectorAll("[data-testid=run]")[index];
          return (
            el && /^(done|degraded|failed|cancelled)$/.test(el.getAttribute("data-status") ?? "")
          );
        },
        before,
        { timeout: 60_000 },
      );
      const until = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(
        ([from, to]) =>
          (
            window as unknown as { __longTasks: { start: number; duration: number }[] }
          ).__longTasks.filter((t) => t.start >= (from ?? 0) && t.start <= (to ?? 0)),
        [since, until],
      );
      const longest = Math.max(0, ...tasks.map((t) => t.duration));
      const total = tasks.reduce((n, t) => n + t.duration, 0);
      console.log(
        `  ${String(i + 1).padStart(3)}  ${((until - since) / 1000).toFixed(1).padStart(6)} s  ${longest.toFixed(0).padStart(9)} ms  ${String(tasks.length).padStart(13)}  ${total.toFixed(0).padStart(17)} ms`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

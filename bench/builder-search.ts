/**
 * The builder's catalog search, typed into the real page: the production app, a fresh keyless
 * user (so the catalog is the offline OpenRouter snapshot plus the simulated models), Chromium.
 * Each query is typed one key at a time, then erased one Backspace at a time; for every
 * keystroke the page records the time from the key event (its `timeStamp`) to the list having
 * re-rendered for that text (a MutationObserver on the list's `data-results-for`), and to the
 * next animation frame after that. Target: p95 < 50 ms per keystroke. A second table times the
 * search function alone on a catalog ten times as large, the part that grows with the catalog.
 */
import type { Page } from "@playwright/test";
import { simModelInfos } from "@/lib/models/catalog";
import { OFFLINE_SNAPSHOT } from "@/lib/models/catalog-refresh";
import { indexCatalog, searchCatalog } from "@/lib/models/catalog-search";
import { launchChromium, percentile, signUpForBench, startApp } from "./app-server";

const QUERIES = [
  "claude sonnet",
  "gpt-5 mini",
  "llama 70b",
  "gemini flash",
  "deepseek",
  "simulated",
  "qwen coder",
  "mistral small",
];
const WARM_UP = "opus";

type Sample = { key: string; dom: number; frame: number };

/** Hooks the search box and the list once; each keystroke then adds one sample. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>(
      '[data-testid="panel-builder"] input[type=search]',
    );
    const list = document.querySelector('[data-testid="catalog-list"]');
    if (!input || !list) throw new Error("the builder's search box or list is missing");
    const state = { samples: [] as Sample[], pending: null as { key: string; t0: number } | null };
    (window as unknown as { __keystrokes: typeof state }).__keystrokes = state;
    input.addEventListener(
      "keydown",
      (e) => {
        state.pending = { key: e.key, t0: e.timeStamp };
      },
      true,
    );
    new MutationObserver(() => {
      const pending = state.pending;
      if (!pending || list.getAttribute("data-results-for") !== input.value) return;
      state.pending = null;
      const dom = performance.now() - pending.t0;
      requestAnimationFrame(() => {
        state.samples.push({ key: pending.key, dom, frame: performance.now() - pending.t0 });
      });
    }).observe(list, { attributes: true, attributeFilter: ["data-results-for"] });
  });
}

async function keystroke(page: Page, key: string, count: number): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __keystrokes: { samples: unknown[] } }).__keystrokes.samples.length >=
      n,
    count,
  );
}

function row(label: string, values: number[]): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `  ${label.padEnd(34)} ${f(percentile(values, 50))} ${f(percentile(values, 95))} ${f(Math.max(...values))}`;
}

async function inBrowser(): Promise<void> {
  const app = await startApp({ port: 3293, simSpeed: "fast" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signUpForBench(page, app.url);
    await page.goto(`${app.url}/panels`);
    await page.locator("[data-hydrated=true]").waitFor();
    const count = await page.getByTestId("catalog-count").textContent();
    const search = page.getByRole("searchbox", { name: "Search models" });
    await search.click();
    await instrument(page);

    let n = 0;
    const type = async (text: string) => {
      for (const ch of text) await keystroke(page, ch, ++n);
      for (const _ of text) await keystroke(page, "Backspace", ++n);
    };
    await type(WARM_UP);
    const warm = n;
    for (const q of QUERIES) await type(q);
    const all = await page.evaluate(
      () => (window as unknown as { __keystrokes: { samples: Sample[] } }).__keystrokes.samples,
    );
    const samples = all.slice(warm);
    const typed = samples.filter((s) => s.key !== "Backspace");
    const erased = samples.filter((s) => s.key === "Backspace");
    console.log(
      `builder: catalog search in Chromium, ${count} (keyless user), ${samples.length} keystrokes over ${QUERIES.length} queries`,
    );
    console.log(
      `  ${"key event →".padEnd(34)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"max".padStart(7)}  (ms)`,
    );
    console.log(
      row(
        "list updated, typing",
        typed.map((s) => s.dom),
      ),
    );
    console.log(
      row(
        "list updated, Backspace",
        erased.map((s) => s.dom),
      ),
    );
    console.log(
      row(
        "list updated, all keystrokes",
        samples.map((s) => s.dom),
      ),
    );
    console.log(
      row(
        "next frame, all keystrokes",
        samples.map((s) => s.frame),
      ),
    );
  } finally {
    await browser.close();
    await app.stop();
  }
}

/** searchCatalog alone over a catalog ten times the snapshot, every prefix of every query. */
function searchOnly(): void {
  const base = [...OFFLINE_SNAPSHOT, ...simModelInfos()];
  const big = Array.from({ length: 10 }, (_, copy) =>
    base.map((m) => ({ ...m, id: `${m.id}#${copy}`, name: `${m.name} ${copy}` })),
  ).flat();
  const t0 = performance.now();
  const index = indexCatalog(big);
  const indexed = performance.now() - t0;
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const start = performance.now();
        searchCatalog(index, { text: q.slice(0, i), sort: "relevance" });
        times.push(performance.now() - start);
      }
    }
  }
  console.log(
    `  searchCatalog alone, ${big.length.toLocaleString("en")} models (indexed once in ${indexed.toFixed(1)} ms):`,
  );
  console.log(row("per keystroke", times));
}

export async function benchBuilderSearch(): Promise<void> {
  await inBrowser();
  searchOnly();
}

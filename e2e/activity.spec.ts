import { expect, type Page, test } from "@playwright/test";
import { signUp } from "./fixtures/auth";
import { RoomPage } from "./pages/room";

async function run(room: RoomPage, prompt: string): Promise<string> {
  const card = await room.send(prompt);
  await room.waitFinished(card, ["done"]);
  return (await card.getAttribute("data-run-id")) ?? "";
}

const today = () => new Date().toISOString().slice(0, 10);

async function applyFilters(
  page: Page,
  filters: { from?: string; to?: string; model?: string; status?: string },
) {
  await page.goto("/activity");
  const form = page.getByRole("form", { name: "Filters" });
  if (filters.from) await form.getByLabel("From (UTC)").fill(filters.from);
  if (filters.to) await form.getByLabel("To (UTC)").fill(filters.to);
  if (filters.model) await form.getByLabel("Model").selectOption({ label: filters.model });
  if (filters.status) await form.getByLabel("Status").selectOption(filters.status);
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/activity\?/);
}

test("Activity lists a finished run whose total is the sum of its calls", async ({ page }) => {
  await signUp(page);
  const room = new RoomPage(page);
  await room.gotoNew();
  const runId = await run(room, "What makes a good code review?");
  const conversationPath = new URL(page.url()).pathname;

  await page.goto("/activity");
  const row = page.locator(`[data-testid="activity-run"][data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("run-status")).toHaveText("done");
  const listed = Number(await row.getByTestId("run-cost").getAttribute("data-cost-micro"));
  expect(listed).toBeGreaterThan(0);
  await expect(page.getByTestId("total-runs")).toHaveAttribute("data-value", "1");
  await expect(page.getByTestId("total-cost")).toHaveAttribute("data-value", String(listed));
  await expect(page.getByRole("figure", { name: "Cost per day, stacked by model" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Top models by spend" })).toContainText("Atlas");

  await row.getByRole("link", { name: /UTC/ }).click();
  await expect(page).toHaveURL(new RegExp(`/activity/${runId}$`));
  const calls = page.getByTestId("activity-call");
  await expect(calls).toHaveCount(5);
  const costs = await page
    .getByTestId("call-cost")
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-cost-micro"))));
  const total = Number(await page.getByTestId("run-total").getAttribute("data-cost-micro"));
  expect(total).toBe(listed);
  expect(costs.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(page.getByRole("table", { name: "Calls" })).toContainText("catalog");
  await expect(page.getByRole("link", { name: "Open the conversation" })).toHaveAttribute(
    "href",
    conversationPath,
  );
});

test("filters narrow the runs and the totals, and CSV export follows them", async ({ page }) => {
  await signUp(page);
  const room = new RoomPage(page);
  await room.gotoNew();
  const first = await run(room, "Name three uses of a paperclip.");
  await room.gotoNew();
  await room.setPanel(["sim:ember"]);
  const second = await run(room, '=HYPERLINK("http://example.com") and other formulas');

  const rows = page.getByTestId("activity-run");
  await page.goto("/activity");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("total-runs")).toHaveAttribute("data-value", "2");

  await applyFilters(page, { model: "Ember (simulated)" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-run-id", second);
  await expect(page.getByTestId("total-runs")).toHaveAttribute("data-value", "1");

  await applyFilters(page, { status: "failed" });
  await expect(page.getByText("No runs match these filters.")).toBeVisible();
  await expect(page.getByTestId("total-runs")).toHaveAttribute("data-value", "0");

  await applyFilters(page, { from: today(), to: today(), status: "done" });
  await expect(rows).toHaveCount(2);
  await applyFilters(page, { from: "2020-01-01", to: "2020-12-31" });
  await expect(rows).toHaveCount(0);

  // Export: everything, then what the model filter keeps.
  await page.goto("/activity");
  const all = await page.request.get(
    (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "",
  );
  expect(all.headers()["content-type"]).toContain("text/csv");
  const lines = (await all.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^created_at,run_id,conversation_id,/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(second); // newest first
  expect(lines[2]).toContain(first);
  // The prompt and title that look like a formula are defused.
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.com"") and other formulas"`);

  await applyFilters(page, { model: "Ember (simulated)" });
  const filtered = await page.request.get(
    (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "",
  );
  const filteredLines = (await filtered.text()).trim().split("\r\n");
  expect(filteredLines).toHaveLength(2);
  expect(filteredLines[1]).toContain(second);
});

import { expect, test } from "@playwright/test";
import { RoomPage, RUN_TIMEOUT, SIM, signUpFreshUser } from "./pages/room";

test.beforeEach(async ({ page }) => {
  await signUpFreshUser(page);
});

const SECTIONS = [
  "Consensus",
  "Contradictions",
  "Partial coverage",
  "Unique insights",
  "Blind spots",
];

test("a full run streams three columns, the analysis, the answer and exact totals", async ({
  page,
}) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:atlas", "sim:nova", "sim:sage"]);
  await room.recordColumnStatuses();
  const run = await room.send("Should a small team adopt microservices?");

  // The conversation now has an address, and the run survived the route change.
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  for (const name of [SIM.atlas, SIM.nova, SIM.sage]) {
    await expect(room.column(run, name)).toBeVisible();
  }
  await expect(run.getByTestId("panelist-column").first()).toContainText(/\w+ \w+ \w+/);
  await room.screenshot("room-during-run");

  await room.waitFinished(run, ["done"]);
  await room.screenshot("room-after-run");
  const seen = await room.seenColumnStatuses();
  // Sage, the slowest, was seen streaming live (a fast one may finish before the start action
  // has even answered on a busy machine); every column ended done.
  expect(seen["sim:sage"]).toContain("streaming");
  for (const model of ["sim:atlas", "sim:nova", "sim:sage"]) {
    expect(seen[model]?.at(-1)).toBe("done");
  }
  for (const name of [SIM.atlas, SIM.nova, SIM.sage]) {
    await expect(room.column(run, name).getByText("done", { exact: true })).toBeVisible();
  }

  const analysis = run.getByRole("region", { name: "Judge analysis" });
  for (const section of SECTIONS) {
    await expect(analysis.getByRole("region", { name: section })).toBeVisible();
  }
  // Chips name models, never the judge's anonymous labels.
  await expect(analysis.getByTestId("model-chip").first()).toHaveText(/\(simulated\)/);

  const answer = run.getByRole("region", { name: "Final answer" });
  await expect(answer).toContainText("Here is the combined answer");

  // Totals equal the sum of the calls, in the DOM and in the export.
  const costs = await room.callCosts(run);
  expect(costs).toHaveLength(5);
  const totals = run.getByTestId("run-totals");
  const shownTotal = Number(await totals.getAttribute("data-cost-micro"));
  expect(shownTotal).toBe(costs.reduce((a, b) => a + b, 0));
  expect(shownTotal).toBeGreaterThan(0);

  const runId = await run.getAttribute("data-run-id");
  const response = await page.request.get(`/api/runs/${runId}/export?format=json`);
  expect(response.ok()).toBe(true);
  const exported = (await response.json()) as {
    run: {
      totals: { costMicroUsd: number; inputTokens: number; outputTokens: number };
      panel: { call: { costMicroUsd: number } }[];
    };
  };
  expect(exported.run.totals.costMicroUsd).toBe(shownTotal);
  expect(Number(await totals.getAttribute("data-input-tokens"))).toBe(
    exported.run.totals.inputTokens,
  );
  expect(Number(await totals.getAttribute("data-output-tokens"))).toBe(
    exported.run.totals.outputTokens,
  );
  expect(exported.run.panel.map((c) => c.call.costMicroUsd)).toEqual(costs.slice(0, 3));
  await expect(run.getByRole("link", { name: "Export Markdown" })).toHaveAttribute(
    "href",
    `/api/runs/${runId}/export?format=md`,
  );

  // The sidebar lists the new conversation, highlighted.
  await expect(room.sidebar.locator("a[aria-current=page]")).toHaveText(
    "Should a small team adopt microservices?",
  );

  // "New conversation" empties the room again; the first one stays in the sidebar.
  await room.sidebar.getByRole("link", { name: "New conversation" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(room.runs).toHaveCount(0);
  await expect(room.sidebar.locator("a[aria-current=page]")).toHaveCount(0);
  await room.sidebar
    .getByRole("link", { name: "Should a small team adopt microservices?" })
    .click();
  await expect(room.runs).toHaveCount(1);
  await expect(room.runs.first()).toHaveAttribute("data-status", "done");
});

test("a follow-up continues the conversation below the first run", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:nova", "sim:ember"]);
  const first = await room.send("What is a good first programming language?");
  await room.waitFinished(first, ["done"]);
  const url = page.url();

  const second = await room.send("And what should I learn after that?");
  expect(page.url()).toBe(url);
  await room.waitFinished(second, ["done"]);
  await expect(room.runs).toHaveCount(2);
  await expect(room.runs.first()).toContainText("What is a good first programming language?");
  for (const name of [SIM.nova, SIM.ember]) {
    await expect(room.column(second, name)).toContainText("Building on what we discussed earlier");
    await expect(room.column(first, name)).not.toContainText("Building on what we discussed");
  }

  // Both runs are there after a reload, oldest first.
  await page.reload();
  await expect(room.runs).toHaveCount(2);
  await expect(room.runs.nth(1).getByTestId("run-prompt")).toHaveText(
    "And what should I learn after that?",
  );
});

test("Stop mid-run leaves the run cancelled with partial text", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:sage", "sim:atlas"]);
  const run = await room.send("How do glaciers carve valleys?");
  const sage = room.column(run, SIM.sage);
  await expect(sage).toHaveAttribute("data-status", "streaming", { timeout: RUN_TIMEOUT });

  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await room.waitFinished(run, ["cancelled"]);
  await expect(run.getByTestId("run-status")).toHaveText("cancelled");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
  const partial = (await sage.textContent()) ?? "";
  expect(partial).toContain("A careful answer");

  // The stored run agrees after a reload: cancelled, partial text kept.
  await page.reload();
  const stored = room.runs.first();
  await expect(stored).toHaveAttribute("data-status", "cancelled");
  await expect(room.column(stored, SIM.sage)).toContainText("A careful answer");
});

test("a reload mid-run shows the run continuing to completion", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:sage", "sim:nova"]);
  const run = await room.send("Is it worth learning to touch type?");
  await expect(room.column(run, SIM.sage)).toHaveAttribute("data-status", "streaming", {
    timeout: RUN_TIMEOUT,
  });

  await page.reload();
  const resumed = room.runs.first();
  // Still live after the reload, then finishes through the re-subscribed stream.
  await expect(resumed).toHaveAttribute("data-status", /^(running|judging|synthesizing)$/);
  await room.waitFinished(resumed, ["done"]);
  await expect(resumed.getByRole("region", { name: "Final answer" })).toContainText(
    "Here is the combined answer",
  );
  await expect(room.column(resumed, SIM.sage)).toHaveAttribute("data-status", "done");
});

test("a failing panelist turns red with its error while the run still finishes", async ({
  page,
}) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:atlas", "sim:flaky", "sim:nova"]);
  const run = await room.send("How should I back up family photos?");
  await room.waitFinished(run, ["degraded"]);

  const flaky = room.column(run, SIM.flaky);
  await expect(flaky).toHaveAttribute("data-status", "failed");
  await expect(flaky.getByTestId("call-error")).toContainText("Simulated upstream failure");
  await expect(flaky).toHaveClass(/border-red/);
  await expect(room.column(run, SIM.atlas)).toHaveAttribute("data-status", "done");
  await expect(run.getByRole("region", { name: "Final answer" })).toContainText(
    "Here is the combined answer",
  );
  await expect(run).toContainText("Degraded run");
});

test("HTML in a prompt or an answer is shown as text, never run", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:nova"]);
  const html = `<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> what about this markup?`;
  const run = await room.send(html);
  await room.waitFinished(run, ["done"]);
  // The simulated models quote words of the prompt back.
  await expect(room.column(run, SIM.nova)).toContainText("img src");

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await expect(page.locator("main script")).toHaveCount(0);
  await expect(run.getByTestId("run-prompt")).toHaveText(html);

  // After a reload (server-rendered this time) it is still inert.
  await page.reload();
  await expect(room.runs.first().getByTestId("run-prompt")).toHaveText(html);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("on a narrow screen the columns are tabs, switched with the arrow keys", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const room = new RoomPage(page);
  await room.gotoNew();
  await page.getByRole("button", { name: /^Panel/ }).click();
  await room.setPanel(["sim:atlas", "sim:nova", "sim:ember"]);
  const run = await room.send("Which houseplants are hard to kill?");
  const tabs = run.getByRole("tablist", { name: "Panel answers" }).getByRole("tab");
  await expect(tabs).toHaveCount(3);
  await room.screenshot("room-narrow-during-run");

  await expect(tabs.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(room.column(run, SIM.atlas)).toBeVisible();
  await expect(room.column(run, SIM.nova)).toBeHidden();

  await tabs.nth(0).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(tabs.nth(1)).toBeFocused();
  await expect(room.column(run, SIM.nova)).toBeVisible();
  await expect(room.column(run, SIM.atlas)).toBeHidden();
  await page.keyboard.press("End");
  await expect(room.column(run, SIM.ember)).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(0)).toHaveAttribute("aria-selected", "true");

  await room.waitFinished(run, ["done"]);
  await room.screenshot("room-narrow-after-run");
});

test("conversations can be renamed inline and deleted after confirming", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel(["sim:nova"]);
  const run = await room.send("Tea or coffee in the morning?");
  await room.waitFinished(run);

  const current = room.sidebar.locator("a[aria-current=page]");
  await expect(current).toHaveText("Tea or coffee in the morning?");
  // Row actions show on hover or keyboard focus.
  await current.hover();
  await room.sidebar
    .getByRole("button", { name: "Rename “Tea or coffee in the morning?”" })
    .click();
  const title = room.sidebar.getByRole("textbox", { name: "Conversation title" });
  await title.fill("Morning drinks");
  await title.press("Enter");
  await expect(current).toHaveText("Morning drinks");

  await current.focus();
  await room.sidebar.getByRole("button", { name: "Delete “Morning drinks”" }).click();
  await room.sidebar.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(room.sidebar.getByRole("link", { name: "Morning drinks" })).toHaveCount(0);
  expect((await page.request.get(page.url())).ok()).toBe(true);
});

test("Send explains why it is disabled", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  const send = page.getByRole("button", { name: "Send" });
  await expect(send).toBeDisabled();
  await expect(page.getByTestId("composer-hint")).toHaveText("Type a question to send.");
  await room.prompt.fill("Hello");
  await expect(send).toBeEnabled();
  // Shift+Enter adds a line instead of sending.
  await room.prompt.press("Shift+Enter");
  await expect(room.prompt).toHaveValue("Hello\n");
  await expect(room.runs).toHaveCount(0);
});

test("eight panelists scroll sideways, and finished columns can be collapsed", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel([
    "sim:atlas",
    "sim:nova",
    "sim:ember",
    "sim:sage",
    "sim:atlas",
    "sim:nova",
    "sim:ember",
    "sim:flaky",
  ]);
  await expect(room.panelBar.getByRole("combobox", { name: "Add a panelist" })).toBeDisabled();
  const run = await room.send("What makes a good team offsite?");
  const row = run.getByTestId("panel-row");
  await expect(run.getByTestId("panelist-column")).toHaveCount(8);
  // A model on the panel twice is numbered, as in exports.
  await expect(room.column(run, `${SIM.atlas} #2`)).toBeAttached();
  const overflow = await row.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(overflow).toBe(true);
  await run.getByRole("heading", { name: "Panel (8)" }).scrollIntoViewIfNeeded();
  await room.screenshot("room-eight-panelists");
  await room.waitFinished(run, ["degraded"]);
  await expect(run).toContainText("Degraded run: Flaky (simulated) failed");

  const collapse = run.getByRole("button", { name: "Collapse answers" });
  await collapse.click();
  await expect(run.getByRole("button", { name: "Expand answers" })).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  await expect(room.column(run, `${SIM.nova} #1`)).not.toContainText("Short version");
  await expect(room.column(run, `${SIM.nova} #1`)).toContainText("done");
});

test("an unknown conversation is a 404 with a way back", async ({ page }) => {
  const response = await page.goto("/c/no-such-conversation");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await page.getByRole("link", { name: "Start a new conversation" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an empty panel cannot be sent, and says so", async ({ page }) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.setPanel([]);
  await room.prompt.fill("Anyone there?");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await expect(page.getByTestId("composer-hint")).toHaveText("Add at least one panelist.");
});

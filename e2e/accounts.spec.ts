import { expect, type Page, test } from "@playwright/test";
import { DEFAULT_PASSWORD, signOut, signUp, uniqueEmail } from "./fixtures/auth";
import { RoomPage } from "./pages/room";

/** One finished run in a new conversation, through the room; its ids. */
async function makeRun(page: Page): Promise<{ runId: string; conversationId: string }> {
  const room = new RoomPage(page);
  await room.gotoNew();
  const run = await room.send("Is a hot dog a sandwich?");
  await room.waitFinished(run);
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  const conversationId = new URL(page.url()).pathname.split("/").pop() ?? "";
  return { runId: (await run.getAttribute("data-run-id")) ?? "", conversationId };
}

// Runs first (files run in name order on one worker, against a database made for this run):
// the install is still fresh.
test("a fresh install sends its first visitor to create the first account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.getByTestId("first-account")).toBeVisible();
  await signUp(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("textbox", { name: "Prompt" })).toBeVisible();
});

test("signing up and in explains mistakes next to the field, and pages need a session", async ({
  page,
}) => {
  // Visitors are sent to sign in, and come back afterwards; APIs answer 401.
  await page.goto("/activity");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Factivity$/);
  const api = await page.request.get("/api/activity/export");
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: "unauthorized:auth" } });

  await page.goto("/sign-up");
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  const create = page.getByRole("button", { name: "Create account" });
  await email.fill("not-an-email");
  await password.fill("short");
  await create.click();
  await expect(page.locator("#email-error")).toHaveText(
    "Enter an email address like name@example.com.",
  );
  await expect(page.locator("#password-error")).toHaveText("Use at least 8 characters.");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-describedby", "email-error");

  const user = { email: uniqueEmail("ada"), password: DEFAULT_PASSWORD };
  await signUp(page, { ...user, callbackUrl: "/activity" });
  await expect(page).toHaveURL(/\/activity$/);
  await signOut(page);

  // The same email again is refused in words.
  await page.goto("/sign-up");
  await email.fill(user.email);
  await password.fill(DEFAULT_PASSWORD);
  await create.click();
  await expect(page.locator("#email-error")).toContainText("already exists");

  // A wrong password says so; the keyboard alone signs in.
  await page.goto("/sign-in?callbackUrl=%2Fsettings");
  await email.fill(user.email.toUpperCase());
  await password.fill("wrong-password");
  await password.press("Enter");
  await expect(
    page.getByRole("alert").filter({ hasText: "That email and password do not match an account." }),
  ).toBeVisible();
  await password.fill(user.password);
  await password.press("Enter");
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
});

test("another user's conversation, run, run events and export are not found", async ({
  browser,
}) => {
  const alice = await browser.newContext();
  const alicePage = await alice.newPage();
  await signUp(alicePage);
  const { runId, conversationId } = await makeRun(alicePage);

  const bob = await browser.newContext();
  const bobPage = await bob.newPage();
  await signUp(bobPage);
  for (const path of [`/c/${conversationId}`, `/activity/${runId}`]) {
    const response = await bobPage.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(await bobPage.content(), path).not.toContain("hot dog");
  }
  await bobPage.goto(`/c/${conversationId}`);
  await expect(bobPage.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  for (const path of [
    `/api/runs/${runId}/events`,
    `/api/runs/${runId}/export`,
    `/api/runs/${runId}/export?format=json`,
  ]) {
    const response = await bobPage.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain("hot dog");
  }
  const csv = await (await bobPage.request.get("/api/activity/export")).text();
  expect(csv).not.toContain(runId);
  await bobPage.goto("/activity");
  await expect(bobPage.getByText("No runs match these filters.")).toBeVisible();

  // Alice still sees all of it.
  expect((await alicePage.request.get(`/api/runs/${runId}/export`)).status()).toBe(200);
  expect(await (await alicePage.request.get("/api/activity/export")).text()).toContain(runId);
  await alice.close();
  await bob.close();
});

test("a saved OpenRouter key never comes back in any page or response", async ({ page }) => {
  const KEY = `sk-or-v1-e2e${Date.now()}${"9".repeat(40)}`;
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    bodies.push(response.text().catch(() => ""));
  });
  await signUp(page);
  await page.goto("/settings");
  const openrouter = page.getByTestId("provider-key-openrouter");
  await openrouter.getByLabel("OpenRouter API key").fill(KEY);
  await openrouter.getByRole("button", { name: "Save key" }).click();
  await expect(openrouter.getByRole("status")).toHaveText("Key saved.");
  await expect(openrouter.getByTestId("key-hint")).toHaveText(`sk-or-••••••••${KEY.slice(-4)}`);
  await expect(openrouter.getByLabel("OpenRouter API key")).toHaveValue("");

  const pages: string[] = [];
  for (const path of ["/settings", "/", "/models", "/activity"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    pages.push(await page.content());
  }
  // Replace, then delete: still masked throughout, then gone.
  await page.goto("/settings");
  await openrouter.getByLabel("OpenRouter API key").fill(`${KEY}x`);
  await openrouter.getByRole("button", { name: "Replace key" }).click();
  await expect(openrouter.getByTestId("key-hint")).toHaveText(`sk-or-••••••••${KEY.slice(-3)}x`);
  await openrouter.getByRole("button", { name: "Delete OpenRouter key" }).click();
  await expect(openrouter.getByText("No key stored.")).toBeVisible();
  pages.push(await page.content());

  const secret = KEY.slice(9, 40); // the key's body, without the public prefix
  const captured = await Promise.all(bodies);
  expect(captured.length).toBeGreaterThan(10);
  for (const text of [...pages, ...captured]) expect(text).not.toContain(secret);
});

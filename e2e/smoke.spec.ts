import { expect, test } from "@playwright/test";

test("home page lists the simulated models", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Quorum" })).toBeVisible();

  const models = page.getByRole("table", { name: "Available models" });
  await expect(models).toBeVisible();
  const simulatedRow = models
    .getByRole("row")
    .filter({ has: page.getByText("simulated", { exact: true }) })
    .first();
  await expect(simulatedRow).toBeVisible();
  await expect(simulatedRow.getByRole("cell").first()).toContainText("sim:");
});

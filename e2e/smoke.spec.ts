import { expect, test } from "@playwright/test";
import { signUpFreshUser } from "./pages/room";

test("the models page lists the simulated models", async ({ page }) => {
  await signUpFreshUser(page);
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Models" })
    .click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();

  const models = page.getByRole("table", { name: "Available models" });
  await expect(models).toBeVisible();
  const simulatedRow = models
    .getByRole("row")
    .filter({ has: page.getByText("simulated", { exact: true }) })
    .first();
  await expect(simulatedRow).toBeVisible();
  await expect(simulatedRow.getByRole("cell").first()).toContainText("sim:");
});

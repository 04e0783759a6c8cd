import { expect, test } from "@playwright/test";
import { BuilderPage } from "./pages/builder";
import { RoomPage, SIM, signUpFreshUser } from "./pages/room";

const NO_KEY = /not reachable: Add an OpenRouter key in Settings/;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeEach(async ({ page }) => {
  await signUpFreshUser(page);
});

test("build a panel with the mouse, save it, reload it, and run it in the room", async ({
  page,
}) => {
  const builder = new BuilderPage(page);
  await builder.goto();
  await expect(builder.root.getByTestId("catalog-count")).toHaveText(/^\d{3,} models$/);

  // Three models into the panel and one into the judge slot, by dragging.
  await builder.dragModel(SIM.atlas, builder.panelDrop);
  await expect(builder.announcer).toHaveText(`Added ${SIM.atlas} to the panel as panelist 1 of 1.`);
  await builder.dragModel(SIM.nova, builder.panelDrop);
  await builder.dragModel(SIM.sage, builder.panelDrop);
  await builder.expectPanel(["sim:atlas", "sim:nova", "sim:sage"]);
  await builder.dragModel("Arbiter (simulated)", builder.judge);
  await expect(builder.judge).toHaveAttribute("data-model", "sim:arbiter");
  await expect(builder.announcer).toHaveText("Arbiter (simulated) is now the judge.");
  await builder.cardButton("Weaver (simulated)", "Make synthesizer");
  await expect(builder.synthesizer).toHaveAttribute("data-model", "sim:weaver");

  // Reorder: Sage to the top, by dragging its grip onto Atlas.
  await builder.dragPanelist(2, 0);
  await builder.expectPanel(["sim:sage", "sim:atlas", "sim:nova"]);
  await expect(builder.announcer).toHaveText(`Moved ${SIM.sage} to position 1 of 3.`);

  // One panelist's temperature, in its settings dialog.
  await builder.panelists
    .nth(1)
    .getByRole("button", { name: /^Settings of panelist 2/ })
    .click();
  const dialog = page.getByRole("dialog", { name: `Panelist 2: ${SIM.atlas}` });
  await dialog.getByLabel("Temperature").fill("0.3");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(builder.panelists.nth(1).getByTestId("slot-settings")).toHaveText("temperature 0.3");
  await expect(builder.root.getByTestId("cost-estimate")).toContainText(/≈ \$0\.\d+ per run/);
  await builder.screenshot("builder-built-with-mouse");

  await builder.name.fill("Mouse trio");
  await builder.root.getByRole("button", { name: "Save", exact: true }).click();
  await expect(builder.saveStatus).toHaveText("Saved.");
  await expect(page).toHaveURL(/\/panels\?id=/);

  // After a reload it is there as saved, as built.
  await page.reload();
  await expect(page.locator("[data-hydrated=true]")).toBeVisible();
  await expect(builder.name).toHaveValue("Mouse trio");
  await expect(builder.saveStatus).toHaveText("Saved.");
  await expect(builder.savedPanels.getByTestId("saved-panel-name")).toHaveText(["Mouse trio"]);
  await builder.expectPanel(["sim:sage", "sim:atlas", "sim:nova"]);
  await expect(builder.panelists.nth(1).getByTestId("slot-settings")).toHaveText("temperature 0.3");
  await expect(builder.root.getByTestId("cost-measured")).toHaveText(
    "Measured: no runs of “Mouse trio” yet.",
  );

  // Run it in the room: the run shows those panelists, in that order.
  await builder.root.getByRole("button", { name: "Run in the room" }).click();
  await expect(page).toHaveURL(/\/\?panel=/);
  const room = new RoomPage(page);
  await room.hydrated();
  await expect(room.panelBar.getByRole("combobox", { name: "Saved panel" })).toHaveValue(/.+/);
  await expect(room.panelBar.getByTestId("panelist-chip")).toHaveText([/^Sage/, /^Atlas/, /^Nova/]);
  const run = await room.send("What makes a good panel of experts?");
  await expect(run.getByTestId("panelist-column")).toHaveCount(3);
  for (const name of [SIM.sage, SIM.atlas, SIM.nova]) {
    await expect(room.column(run, name)).toBeVisible();
  }
  await room.waitFinished(run, ["done"]);

  // The conversation remembers the saved panel; the builder now shows its measured cost.
  await page.reload();
  await room.hydrated();
  await expect(
    room.panelBar.getByRole("combobox", { name: "Saved panel" }).locator("option:checked"),
  ).toHaveText("Mouse trio");
  await builder.goto();
  await expect(builder.savedPanels.first()).toContainText(/\$\d\.\d+ average over 1 run/);
});

test("build, reorder, tune and save a panel with the keyboard only", async ({ page }) => {
  const builder = new BuilderPage(page);
  await builder.goto();
  const kb = page.keyboard;

  let first = true;
  async function viaButton(name: string, button: string) {
    // Back from the card's buttons to the search box (forwards the first time, from the top).
    await builder.tabTo(builder.search, { back: !first });
    first = false;
    await kb.press("ControlOrMeta+a");
    await kb.type(name);
    const card = builder.cards.filter({ has: page.getByRole("heading", { name, exact: true }) });
    await builder.tabTo(card.getByRole("button", { name: button, exact: true }));
    await kb.press("Enter");
  }
  await viaButton(SIM.atlas, "Add to panel");
  await viaButton(SIM.nova, "Add to panel");
  await viaButton(SIM.ember, "Add to panel");
  await viaButton("Arbiter (simulated)", "Make judge");
  await viaButton("Weaver (simulated)", "Make synthesizer");
  await builder.expectPanel(["sim:atlas", "sim:nova", "sim:ember"]);
  await expect(builder.judge).toHaveAttribute("data-model", "sim:arbiter");

  // The catalog is one Tab stop; the arrow keys move between its cards, on the same button.
  await builder.tabTo(builder.search, { back: true });
  await kb.press("ControlOrMeta+a");
  await kb.type("simulated");
  await builder.tabTo(builder.cards.first().getByRole("button", { name: "Make judge" }));
  await kb.press("ArrowDown");
  await expect(builder.cards.nth(1).getByRole("button", { name: "Make judge" })).toBeFocused();
  await kb.press("End");
  await expect(builder.cards.last().getByRole("button", { name: "Make judge" })).toBeFocused();
  await kb.press("Home");
  await expect(builder.cards.first().getByRole("button", { name: "Make judge" })).toBeFocused();

  // dnd-kit's keyboard sensor: pick Atlas up, move it down one place, drop it.
  await builder.tabTo(builder.panelists.nth(0).getByTestId("slot-drag-handle"));
  await kb.press("Space");
  await page.waitForTimeout(150);
  await kb.press("ArrowDown");
  await page.waitForTimeout(150);
  await kb.press("Space");
  await builder.expectPanel(["sim:nova", "sim:atlas", "sim:ember"]);
  // And the button: Ember up one place.
  await builder.tabTo(builder.panelists.nth(2).getByRole("button", { name: /^Move up/ }));
  await kb.press("Enter");
  await builder.expectPanel(["sim:nova", "sim:ember", "sim:atlas"]);
  await expect(builder.announcer).toHaveText(`Moved ${SIM.ember} to position 2 of 3.`);

  // Nova's temperature, in its dialog; Escape closes it.
  await builder.tabTo(builder.panelists.nth(0).getByRole("button", { name: /^Settings/ }));
  await kb.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Panelist 1: ${SIM.nova}` });
  await expect(dialog.getByLabel("Temperature")).toBeFocused();
  await kb.type("1.2");
  await kb.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(builder.panelists.nth(0).getByTestId("slot-settings")).toHaveText("temperature 1.2");

  await builder.tabTo(builder.name);
  await kb.type("Keyboard trio");
  await kb.press("Enter");
  await expect(builder.saveStatus).toHaveText("Saved.");
  await page.reload();
  await expect(page.locator("[data-hydrated=true]")).toBeVisible();
  await expect(builder.name).toHaveValue("Keyboard trio");
  await builder.expectPanel(["sim:nova", "sim:ember", "sim:atlas"]);
  await builder.screenshot("builder-built-with-keyboard");

  // Into the room and a run, still from the keyboard.
  await builder.tabTo(builder.root.getByRole("button", { name: "Run in the room" }));
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/\?panel=/);
  const room = new RoomPage(page);
  await room.hydrated();
  await builder.tabTo(room.prompt);
  await kb.type("Which is better for a first garden, raised beds or rows?");
  await kb.press("Enter");
  const run = room.runs.first();
  await expect(run.getByTestId("panelist-column")).toHaveCount(3);
  expect(
    await run
      .getByTestId("panelist-column")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-model"))),
  ).toEqual(["sim:nova", "sim:ember", "sim:atlas"]);
  await room.waitFinished(run, ["done"]);
});

test("each preset applies in one click; OpenRouter presets say what is not reachable", async ({
  page,
}) => {
  const builder = new BuilderPage(page);
  await builder.goto();
  const run = builder.root.getByRole("button", { name: /run in the room/i });
  for (const name of ["Quality", "Budget", "Self-panel"]) {
    const card = builder.preset(name);
    await expect(card.getByTestId("preset-unreachable")).toContainText("Not reachable:");
    await card.getByRole("button", { name: `Apply the ${name} preset` }).click();
    await expect(builder.announcer).toHaveText(new RegExp(`^Applied the ${name} preset`));
    await expect(builder.panelists.first()).toContainText(NO_KEY);
    await expect(run).toBeDisabled();
    await expect(builder.root.getByTestId("run-blocked")).toContainText(NO_KEY);
  }
  await builder.expectPanel(["openrouter:moonshotai/kimi-k2.6", "openrouter:moonshotai/kimi-k2.6"]);
  await builder.screenshot("builder-preset-unreachable");

  const demo = builder.preset("Offline demo");
  await expect(demo).toContainText("All models reachable.");
  await demo.getByRole("button", { name: "Apply the Offline demo preset" }).click();
  await builder.expectPanel(["sim:atlas", "sim:nova", "sim:sage"]);
  await expect(builder.judge).toHaveAttribute("data-model", "sim:arbiter");
  await expect(run).toBeEnabled();
  await expect(builder.root.getByTestId("run-blocked")).toHaveCount(0);
});

test("a 9th panelist, an empty panel and a missing judge are refused, in words", async ({
  page,
}) => {
  const builder = new BuilderPage(page);
  await builder.goto();
  const run = builder.root.getByRole("button", { name: /run in the room/i });
  const save = builder.root.getByRole("button", { name: "Save", exact: true });
  const panelError = builder.root.getByTestId("panel-error");

  await expect(panelError).toHaveText("Add at least one panelist.");
  await expect(run).toBeDisabled();
  await expect(builder.root.getByTestId("run-blocked")).toHaveText("Add at least one panelist.");

  await builder
    .preset("Offline demo")
    .getByRole("button", { name: /^Apply/ })
    .click();
  const atlas = await builder.card(SIM.atlas);
  for (let i = 3; i < 8; i++) await atlas.getByRole("button", { name: "Add to panel" }).click();
  await expect(builder.panelists).toHaveCount(8);
  await expect(panelError).toHaveCount(0);
  await atlas.getByRole("button", { name: "Add to panel" }).click();
  const refusal = `A panel has at most 8 panelists. Remove one before adding ${SIM.atlas}.`;
  await expect(panelError).toHaveText(refusal);
  await expect(builder.announcer).toHaveText(refusal);
  // By drag too.
  await builder.dragModel(SIM.nova, builder.panelDrop);
  await expect(panelError).toHaveText(
    `A panel has at most 8 panelists. Remove one before adding ${SIM.nova}.`,
  );
  await expect(builder.panelists).toHaveCount(8);
  await builder.screenshot("builder-ninth-panelist");
  await builder.panelists
    .nth(7)
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(panelError).toHaveCount(0);

  await builder.judge.getByRole("button", { name: "Remove the judge" }).click();
  await expect(builder.root.getByTestId("judge-error")).toHaveText(/^Choose a judge/);
  await expect(run).toBeDisabled();
  await expect(save).toBeDisabled();
  await expect(builder.root.getByTestId("run-blocked")).toHaveText(/^Choose a judge/);
});

test("saved panels can be renamed, duplicated and deleted", async ({ page }) => {
  const builder = new BuilderPage(page);
  await builder.goto();
  await builder
    .preset("Offline demo")
    .getByRole("button", { name: /^Apply/ })
    .click();
  await expect(builder.name).toHaveValue("Offline demo");
  await builder.root.getByRole("button", { name: "Save", exact: true }).click();
  await expect(builder.saveStatus).toHaveText("Saved.");

  const item = builder.savedPanels.filter({ hasText: "Offline demo" });
  await item.getByRole("button", { name: "Rename Offline demo" }).click();
  await item.getByRole("textbox").fill("Sims");
  await item.getByRole("button", { name: "Save name" }).click();
  await expect(builder.name).toHaveValue("Sims");
  await builder.savedPanels.first().getByRole("button", { name: "Duplicate Sims" }).click();
  await expect(builder.savedPanels.getByTestId("saved-panel-name")).toHaveText([
    "Sims",
    "Sims (copy)",
  ]);
  const copy = builder.savedPanels.nth(1);
  await copy.getByRole("button", { name: "Delete Sims (copy)" }).click();
  await copy.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(builder.savedPanels).toHaveCount(1);
  await page.reload();
  await expect(builder.savedPanels.getByTestId("saved-panel-name")).toHaveText(["Sims"]);
});

test("the room's Edit panel dialog edits the panel; an unreachable model blocks Send", async ({
  page,
}) => {
  const room = new RoomPage(page);
  await room.gotoNew();
  await room.panelBar.getByRole("button", { name: "Edit panel" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit panel" });
  const builder = new BuilderPage(page, dialog);
  await builder.expectPanel(["sim:atlas", "sim:nova", "sim:sage"]);
  await builder.dragModel(SIM.ember, builder.panelDrop);
  await builder.expectPanel(["sim:atlas", "sim:nova", "sim:sage", "sim:ember"]);
  await room.screenshot("room-edit-panel-dialog");
  await dialog.getByRole("button", { name: "Use this panel" }).click();
  await expect(dialog).toBeHidden();
  await expect(room.panelBar.getByTestId("panelist-chip")).toHaveCount(4);

  await room.panelBar.getByRole("button", { name: "Edit panel" }).click();
  await builder
    .preset("Quality")
    .getByRole("button", { name: /^Apply/ })
    .click();
  await dialog.getByRole("button", { name: "Use this panel" }).click();
  await room.prompt.fill("Hello?");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await expect(page.getByTestId("composer-hint")).toHaveText(NO_KEY);
});

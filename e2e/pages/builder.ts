import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The panel builder (/panels, or the room's "Edit panel" dialog), driven through roles, labels
 * and a few test ids. Drags use real pointer moves: dnd-kit starts a drag only after the
 * pointer has travelled past its activation distance, then follows `pointermove`s.
 */
export class BuilderPage {
  readonly root: Locator;
  readonly search: Locator;
  readonly cards: Locator;
  readonly panelists: Locator;
  readonly panelDrop: Locator;
  readonly judge: Locator;
  readonly synthesizer: Locator;
  readonly announcer: Locator;
  readonly name: Locator;
  readonly saveStatus: Locator;
  readonly savedPanels: Locator;

  constructor(
    readonly page: Page,
    scope: Locator = page.locator("body"),
  ) {
    this.root = scope.getByTestId("panel-builder");
    this.search = this.root.getByRole("searchbox", { name: "Search models" });
    this.cards = this.root.getByTestId("model-card");
    this.panelists = this.root.getByTestId("panelist-slot");
    this.panelDrop = this.root.getByTestId("panel-drop-zone");
    this.judge = this.root.getByTestId("judge-slot");
    this.synthesizer = this.root.getByTestId("synthesizer-slot");
    this.announcer = page.getByTestId("builder-announcer");
    this.name = this.root.getByRole("textbox", { name: "Panel name" });
    this.saveStatus = this.root.getByTestId("save-status");
    this.savedPanels = this.root.getByTestId("saved-panel");
  }

  async goto(query = "") {
    await this.page.goto(`/panels${query}`);
    await expect(this.page.locator("[data-hydrated=true]")).toBeVisible();
  }

  /** The catalog card of a model, by its display name; searches for it first. */
  async card(name: string): Promise<Locator> {
    await this.search.fill(name);
    const card = this.cards.filter({
      has: this.page.getByRole("heading", { name, exact: true }),
    });
    await expect(card.first()).toBeVisible();
    return card.first();
  }

  async cardButton(name: string, button: "Add to panel" | "Make judge" | "Make synthesizer") {
    await (await this.card(name)).getByRole("button", { name: button, exact: true }).click();
  }

  /** Data-model ids of the panelists, in order. */
  async panelModels(): Promise<string[]> {
    return this.panelists.evaluateAll((els) =>
      els.map((el) => el.getAttribute("data-model") ?? ""),
    );
  }

  async expectPanel(models: string[]) {
    await expect
      .poll(() => this.panelModels(), { message: "the panelists, in order" })
      .toEqual(models);
  }

  /** Presses the mouse on `from`, travels past the activation distance, and drops on `to`. */
  async drag(from: Locator, to: Locator) {
    await from.scrollIntoViewIfNeeded();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error("drag: an element is not visible");
    const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
    const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
    await this.page.mouse.move(end.x, end.y, { steps: 20 });
    // dnd-kit picks the drop target on the frame after the last move.
    await this.page.waitForTimeout(100);
    await this.page.mouse.move(end.x, end.y + 1);
    await this.page.mouse.up();
  }

  async dragModel(name: string, to: Locator) {
    const card = await this.card(name);
    await this.drag(card.getByTestId("card-drag-handle"), to);
  }

  async dragPanelist(from: number, to: number) {
    await this.drag(
      this.panelists.nth(from).getByTestId("slot-drag-handle"),
      this.panelists.nth(to),
    );
  }

  preset(name: string): Locator {
    return this.root.getByTestId("preset-card").filter({
      has: this.page.getByRole("heading", { name, exact: true }),
    });
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus: keyboard-only, without counting. */
  async tabTo(target: Locator, options: { back?: boolean; max?: number } = {}) {
    const key = options.back ? "Shift+Tab" : "Tab";
    for (let i = 0; i < (options.max ?? 150); i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`tabTo: never reached ${target}`);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPENROUTER_MODELS_FIXTURE } from "@/lib/testing/fixtures";
import { parseOpenRouterCatalog, simModelInfos } from "./catalog";
import { indexCatalog, searchCatalog } from "./catalog-search";

const catalog = [
  ...simModelInfos(),
  ...parseOpenRouterCatalog(JSON.parse(readFileSync(OPENROUTER_MODELS_FIXTURE, "utf8"))),
];
const index = indexCatalog(catalog);

describe("searchCatalog", () => {
  it("matches every word in name, id or vendor, best match first", () => {
    const hits = searchCatalog(index, { text: "opus 4.7" });
    expect(hits.map((m) => m.id)).toContain("openrouter:anthropic/claude-opus-4.7");
    expect(hits.every((m) => /opus/i.test(m.name + m.id) && /4\.7/.test(m.name + m.id))).toBe(true);
    expect(searchCatalog(index, { text: "moonshotai/kimi-k2.6" })[0]?.id).toBe(
      "openrouter:moonshotai/kimi-k2.6",
    );
    expect(searchCatalog(index, { text: "no-such-model-anywhere" })).toEqual([]);
  });

  it("finds simulated models by the word 'simulated'", () => {
    const hits = searchCatalog(index, { text: "simulated" });
    expect(hits.length).toBe(simModelInfos().length);
    expect(hits.every((m) => m.simulated)).toBe(true);
  });

  it("filters by provider, price band, context and capabilities", () => {
    const free = searchCatalog(index, { providers: ["openrouter"], priceBands: ["free"] });
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((m) => m.outputPricePerMTok === 0 && m.provider === "openrouter")).toBe(true);
    const big = searchCatalog(index, {
      minContext: 1_000_000,
      capabilities: ["tools", "reasoning"],
    });
    expect(big.length).toBeGreaterThan(0);
    expect(
      big.every(
        (m) =>
          (m.contextLength ?? 0) >= 1_000_000 && m.capabilities.tools && m.capabilities.reasoning,
      ),
    ).toBe(true);
    const premium = searchCatalog(index, { priceBands: ["premium"] });
    expect(premium.every((m) => (m.outputPricePerMTok ?? 0) > 10)).toBe(true);
  });

  it("sorts by price and context, unknown prices last", () => {
    const cheapest = searchCatalog(index, { sort: "price-asc" });
    const prices = cheapest.map(
      (m) => (m.inputPricePerMTok ?? Number.POSITIVE_INFINITY) + (m.outputPricePerMTok ?? 0),
    );
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const dearest = searchCatalog(index, { sort: "price-desc", providers: ["openrouter"] });
    expect(dearest[0]?.outputPricePerMTok).toBe(
      Math.max(...dearest.map((m) => m.outputPricePerMTok ?? 0)),
    );
    expect(dearest.at(-1)?.outputPricePerMTok ?? null).toBeNull();
    const widest = searchCatalog(index, { sort: "context-desc" });
    expect(widest[0]?.contextLength).toBe(Math.max(...catalog.map((m) => m.contextLength ?? 0)));
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isQuorumError } from "@/lib/errors";
import { OPENROUTER_MODELS_FIXTURE } from "@/lib/testing/fixtures";
import {
  parseEndpointModelList,
  parseOpenRouterCatalog,
  type SkippedEntry,
  simModelInfos,
  truncateDescription,
  usdPerTokenToPerMTok,
} from "./catalog";
import snapshot from "./catalog-snapshot.json";
import { parseModelId } from "./ids";
import { SIM_PERSONAS } from "./sim/personas";

const FIXTURE = OPENROUTER_MODELS_FIXTURE;
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  data: Array<{ id: string; pricing: { prompt: string; completion: string } }>;
};

function parseFixture() {
  const skipped: SkippedEntry[] = [];
  const models = parseOpenRouterCatalog(fixture, { onSkip: (s) => skipped.push(s) });
  return { models, skipped, byId: new Map(models.map((m) => [m.upstreamId, m])) };
}

describe("usdPerTokenToPerMTok", () => {
  it.each([
    ["0.000003", 3],
    ["0.00000015", 0.15],
    ["0.0000001495", 0.1495],
    ["0.000025", 25],
    ["0.00003", 30],
    ["0.01", 10_000],
    ["0", 0],
    [" 0.000001 ", 1],
    ["1e-6", 1],
    [3e-7, 0.3],
  ])("%j per token is %d per million", (input, expected) => {
    expect(usdPerTokenToPerMTok(input)).toBe(expected);
  });

  it.each(["-1", "-0.000001", "", "abc", "0x10", "1.2.3", null, undefined])(
    "%j is unknown (null)",
    (input) => {
      expect(usdPerTokenToPerMTok(input)).toBeNull();
    },
  );
});

describe("parseOpenRouterCatalog on the real OpenRouter response", () => {
  it("keeps all 356 models with Quorum ids", () => {
    const { models, skipped } = parseFixture();
    expect(skipped).toEqual([]);
    expect(models).toHaveLength(356);
    expect(new Set(models.map((m) => m.id)).size).toBe(356);
    for (const m of models) {
      expect(m.id).toBe(`openrouter:${m.upstreamId}`);
      expect(m.provider).toBe("openrouter");
      expect(m.simulated).toBe(false);
    }
  });

  it("maps claude-opus-4.7", () => {
    expect(parseFixture().byId.get("anthropic/claude-opus-4.7")).toMatchObject({
      id: "openrouter:anthropic/claude-opus-4.7",
      vendor: "anthropic",
      name: "Anthropic: Claude Opus 4.7",
      inputPricePerMTok: 5,
      outputPricePerMTok: 25,
      contextLength: 1_000_000,
      maxCompletionTokens: 128_000,
      capabilities: { tools: true, reasoning: true, structuredOutput: true },
      created: 1_776_351_100_000,
    });
  });

  it("gives router models with price -1 unknown prices, not negative ones", () => {
    const { byId } = parseFixture();
    for (const id of ["openrouter/auto", "openrouter/pareto-code", "openrouter/bodybuilder"]) {
      expect(byId.get(id)).toMatchObject({ inputPricePerMTok: null, outputPricePerMTok: null });
    }
  });

  it("prices the 28 free models at 0", () => {
    const { models, byId } = parseFixture();
    expect(byId.get("meta-llama/llama-3.3-70b-instruct:free")).toMatchObject({
      id: "openrouter:meta-llama/llama-3.3-70b-instruct:free",
      inputPricePerMTok: 0,
      outputPricePerMTok: 0,
    });
    const free = models.filter((m) => m.inputPricePerMTok === 0 && m.outputPricePerMTok === 0);
    expect(free).toHaveLength(28);
  });

  it("converts every price without float noise", () => {
    const { byId } = parseFixture();
    for (const entry of fixture.data) {
      const model = byId.get(entry.id);
      for (const [raw, perM] of [
        [entry.pricing.prompt, model?.inputPricePerMTok],
        [entry.pricing.completion, model?.outputPricePerMTok],
      ] as const) {
        if (Number(raw) < 0) continue;
        expect(perM).toBeCloseTo(Number(raw) * 1e6, 9);
        // Noise shows up as long tails such as 0.15000000000000002.
        expect(String(perM).length).toBeLessThan(10);
      }
    }
  });

  it("derives capabilities from supported_parameters", () => {
    const { byId } = parseFixture();
    expect(byId.get("liquid/lfm-2.5-1.2b-instruct:free")?.capabilities).toEqual({
      tools: false,
      reasoning: false,
      structuredOutput: false,
    });
    expect(byId.get("meta-llama/llama-3.3-70b-instruct:free")?.capabilities).toEqual({
      tools: true,
      reasoning: false,
      structuredOutput: false,
    });
    expect(byId.get("liquid/lfm-2.5-1.2b-thinking:free")?.capabilities.reasoning).toBe(true);
  });
});

describe("parseOpenRouterCatalog on odd input", () => {
  const good = fixture.data[0];

  it("skips malformed, duplicate and non-text entries and keeps the rest", () => {
    const skipped: SkippedEntry[] = [];
    const models = parseOpenRouterCatalog(
      {
        data: [
          good,
          42,
          { name: "No id" },
          { id: "" },
          good,
          { id: "acme/weird", pricing: "n/a", context_length: -5, supported_parameters: "tools" },
          { id: "acme/painter", architecture: { output_modalities: ["image"] } },
        ],
        extra: "ignored",
      },
      { onSkip: (s) => skipped.push(s) },
    );
    expect(models.map((m) => m.upstreamId)).toEqual([good?.id, "acme/weird"]);
    expect(models[1]).toMatchObject({
      name: "acme/weird",
      description: "",
      contextLength: null,
      inputPricePerMTok: null,
      supportedParameters: [],
      created: null,
    });
    expect(skipped.map((s) => [s.index, s.id])).toEqual([
      [1, null],
      [2, null],
      [3, ""],
      [4, good?.id],
      [6, "acme/painter"],
    ]);
    expect(skipped[3]?.reason).toBe("duplicate id");
  });

  it.each([{}, null, "nope", { data: "x" }, { models: [] }])(
    "fails with a QuorumError when data is missing: %j",
    (input) => {
      expect(() => parseOpenRouterCatalog(input)).toThrow(/"data" array/);
      try {
        parseOpenRouterCatalog(input);
      } catch (error) {
        expect(isQuorumError(error) && error.code).toBe("upstream:catalog");
      }
    },
  );
});

describe("parseEndpointModelList", () => {
  it("maps OpenAI-style model lists with unknown prices", () => {
    const models = parseEndpointModelList("local", {
      object: "list",
      data: [{ id: "llama3.1:8b", object: "model" }, { id: "qwen/qwen3-8b" }, { object: "model" }],
    });
    expect(models.map((m) => [m.id, m.provider, m.vendor])).toEqual([
      ["local:llama3.1:8b", "local", "local"],
      ["local:qwen/qwen3-8b", "local", "qwen"],
    ]);
    expect(models[0]).toMatchObject({
      upstreamId: "llama3.1:8b",
      inputPricePerMTok: null,
      outputPricePerMTok: null,
      contextLength: null,
      simulated: false,
    });
  });
});

describe("simModelInfos", () => {
  it("lists every persona as a labelled simulated model with its list prices", () => {
    const sims = simModelInfos();
    expect(sims).toHaveLength(SIM_PERSONAS.length);
    expect(sims.find((m) => m.id === "sim:atlas")).toMatchObject({
      provider: "sim",
      upstreamId: "atlas",
      vendor: "Quorum",
      name: "Atlas (simulated)",
      simulated: true,
      inputPricePerMTok: 3,
      outputPricePerMTok: 15,
      contextLength: 200_000,
    });
  });
});

describe("the offline snapshot", () => {
  it("matches the fixture it is built from (run scripts/build-catalog-snapshot.ts)", () => {
    const { models } = parseFixture();
    expect(snapshot.map((m) => m.id)).toEqual(models.map((m) => m.id));
    for (const [i, m] of snapshot.entries()) {
      expect(m.description.length).toBeLessThanOrEqual(300);
      expect({ ...m, description: "" }).toEqual({ ...models[i], description: "" });
    }
  });

  it("truncates long text at a word boundary", () => {
    expect(truncateDescription("short", 300)).toBe("short");
    const cut = truncateDescription("word ".repeat(100), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith("word…")).toBe(true);
  });
});

describe("parseModelId", () => {
  it.each([
    ["sim:atlas", { provider: "sim", upstreamId: "atlas" }],
    ["openrouter:baidu/cobuddy:free", { provider: "openrouter", upstreamId: "baidu/cobuddy:free" }],
    ["local:llama3.1:8b", { provider: "local", upstreamId: "llama3.1:8b" }],
  ])("splits %s at the first colon", (id, expected) => {
    expect(parseModelId(id)).toEqual(expected);
  });

  it.each(["atlas", ":atlas", "sim:", "Sim:atlas", "sim: atlas", ""])("rejects %j", (id) => {
    expect(parseModelId(id)).toBeNull();
  });
});

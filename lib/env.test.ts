import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "x".repeat(32);

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("fills in defaults when only the secret is set", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET })).toEqual({
      DATABASE_PATH: "./data/quorum.db",
      AUTH_SECRET: SECRET,
      OPENROUTER_API_KEY: undefined,
      OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1",
      QUORUM_ENDPOINTS: [],
      QUORUM_SIM_SPEED: "realistic",
      QUORUM_APP_URL: "http://localhost:3000",
      QUORUM_SIGNUPS: "open",
      AUTH_GITHUB_ID: undefined,
      AUTH_GITHUB_SECRET: undefined,
      AUTH_GOOGLE_ID: undefined,
      AUTH_GOOGLE_SECRET: undefined,
    });
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET, OPENROUTER_API_KEY: "", QUORUM_ENDPOINTS: " " });
    expect(env.OPENROUTER_API_KEY).toBeUndefined();
    expect(env.QUORUM_ENDPOINTS).toEqual([]);
  });

  it("parses custom endpoints and sim speed", () => {
    const env = parseEnv({
      AUTH_SECRET: SECRET,
      QUORUM_ENDPOINTS: JSON.stringify([
        { name: "local", baseURL: "http://localhost:11434/v1" },
        { name: "vllm-2", baseURL: "https://gpu.example.com/v1", apiKey: "k" },
      ]),
      QUORUM_SIM_SPEED: "2.5",
    });
    expect(env.QUORUM_ENDPOINTS).toEqual([
      { name: "local", baseURL: "http://localhost:11434/v1" },
      { name: "vllm-2", baseURL: "https://gpu.example.com/v1", apiKey: "k" },
    ]);
    expect(env.QUORUM_SIM_SPEED).toBe(2.5);
    expect(parseEnv({ AUTH_SECRET: SECRET, QUORUM_SIM_SPEED: "fast" }).QUORUM_SIM_SPEED).toBe(
      "fast",
    );
  });

  it("names the index and field of a bad endpoint", () => {
    const message = problemsOf({
      AUTH_SECRET: SECRET,
      QUORUM_ENDPOINTS: JSON.stringify([
        { name: "local", baseURL: "http://localhost:11434/v1" },
        { name: "remote", baseURL: "not a url" },
      ]),
    });
    expect(message).toContain("QUORUM_ENDPOINTS[1].baseURL");
    expect(message).not.toContain("QUORUM_ENDPOINTS[0]");
  });

  it("rejects reserved and malformed endpoint names, duplicates and invalid JSON", () => {
    expect(
      problemsOf({
        AUTH_SECRET: SECRET,
        QUORUM_ENDPOINTS: JSON.stringify([
          { name: "sim", baseURL: "http://a/v1" },
          { name: "Bad Name", baseURL: "http://b/v1" },
          { name: "ok", baseURL: "http://c/v1" },
          { name: "ok", baseURL: "http://d/v1" },
        ]),
      }),
    ).toMatch(/QUORUM_ENDPOINTS\[0\]\.name.*built-in[\s\S]*\[1\]\.name[\s\S]*\[3\]\.name/);
    expect(problemsOf({ AUTH_SECRET: SECRET, QUORUM_ENDPOINTS: "[{" })).toContain(
      "QUORUM_ENDPOINTS is not valid JSON",
    );
    expect(problemsOf({ AUTH_SECRET: SECRET, QUORUM_ENDPOINTS: "{}" })).toContain(
      "QUORUM_ENDPOINTS must be a JSON array",
    );
  });

  it("explains a missing or short AUTH_SECRET", () => {
    expect(problemsOf({ AUTH_SECRET: "too-short" })).toMatch(
      /AUTH_SECRET must be at least 32 characters.*npm run dev/,
    );
    expect(problemsOf({})).toMatch(/AUTH_SECRET is missing.*npm run dev/);
  });

  it("lists every bad variable in one error", () => {
    const message = problemsOf({ QUORUM_SIM_SPEED: "-1", QUORUM_APP_URL: "nope" });
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("QUORUM_SIM_SPEED");
    expect(message).toContain("QUORUM_APP_URL");
  });
});

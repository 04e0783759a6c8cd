import path from "node:path";

/**
 * The shared real-data fixtures (`../shared/fixtures` beside the repository, as in CI).
 * Read from there rather than copied, so there is one source of truth.
 */
export const SHARED_FIXTURES = path.resolve(process.cwd(), "..", "shared", "fixtures");
export const OPENROUTER_MODELS_FIXTURE = path.join(SHARED_FIXTURES, "openrouter-models.json");

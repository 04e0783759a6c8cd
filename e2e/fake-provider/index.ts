/** The fake OpenAI-compatible server for tests, scripts and benchmarks. */
export {
  type Fault,
  type FaultKind,
  type FaultTarget,
  INVALID_JSON_TEXT,
  modelSlug,
  SCHEMA_MISMATCH_TEXT,
} from "./faults";
export { costOf } from "./protocol";
export { INJECTED_ERROR_MESSAGE } from "./respond";
export {
  FAST_TIMING,
  type FakeProvider,
  type FakeProviderOptions,
  type FakeTiming,
  type RecordedRequest,
  realisticTiming,
  startFakeProvider,
} from "./server";
export { PROCESSING_COMMENT } from "./sse";

/**
 * Quorum model ids are `provider:model`. Upstream ids may contain colons themselves
 * (`openrouter:baidu/cobuddy:free`, `local:llama3.1:8b`), so only the first colon separates.
 */
export type ParsedModelId = { provider: string; upstreamId: string };

const PROVIDER = /^[a-z0-9][a-z0-9-]*$/;

/** Splits a Quorum id into provider and upstream id; null when it is not `provider:model`. */
export function parseModelId(id: string): ParsedModelId | null {
  const colon = id.indexOf(":");
  if (colon <= 0 || colon === id.length - 1) return null;
  const provider = id.slice(0, colon);
  const upstreamId = id.slice(colon + 1);
  if (!PROVIDER.test(provider) || upstreamId.trim() !== upstreamId) return null;
  return { provider, upstreamId };
}

export function formatModelId(provider: string, upstreamId: string): string {
  return `${provider}:${upstreamId}`;
}

import type { AvailableModel } from "./types";

/**
 * A model as the browser sees it (the room, the builder): what cards, chips, search and the cost
 * estimate read, without descriptions or parameter lists, so a catalog of thousands stays small.
 */
export type ModelOption = Pick<
  AvailableModel,
  | "id"
  | "name"
  | "provider"
  | "vendor"
  | "simulated"
  | "reachable"
  | "unreachableReason"
  | "contextLength"
  | "inputPricePerMTok"
  | "outputPricePerMTok"
  | "capabilities"
  | "created"
>;

export function toModelOption(m: AvailableModel): ModelOption {
  return {
    id: m.id,
    name: m.name,
    provider: m.provider,
    vendor: m.vendor,
    simulated: m.simulated,
    reachable: m.reachable,
    unreachableReason: m.unreachableReason,
    contextLength: m.contextLength,
    inputPricePerMTok: m.inputPricePerMTok,
    outputPricePerMTok: m.outputPricePerMTok,
    capabilities: m.capabilities,
    created: m.created,
  };
}

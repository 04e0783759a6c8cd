import { z } from "zod";
import { isQuorumError, QuorumError } from "@/lib/errors";

/**
 * The JSON error response of a route handler: a QuorumError keeps its status and message,
 * bad input is a 400 naming the field, anything else is logged and becomes a plain 500.
 */
export function errorResponse(error: unknown): Response {
  if (isQuorumError(error)) return error.toResponse();
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || "request";
    return new QuorumError(
      "bad_request:api",
      `${field}: ${issue?.message ?? "is invalid"}`,
    ).toResponse();
  }
  console.error("quorum: request failed", error);
  return new QuorumError("internal:api").toResponse();
}

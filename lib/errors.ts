export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "upstream"
  | "internal";

export type ErrorSurface =
  | "auth"
  | "run"
  | "conversation"
  | "panel"
  | "model"
  | "catalog"
  | "endpoint"
  | "api"
  | "database";

/** `type:surface`, e.g. `not_found:run`. The type decides the HTTP status. */
export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

const DEFAULT_MESSAGES: Record<ErrorType, string> = {
  bad_request: "The request is not valid.",
  unauthorized: "Please sign in to continue.",
  forbidden: "You do not have access to this.",
  not_found: "Not found.",
  conflict: "This conflicts with the current state; reload and try again.",
  rate_limited: "Too many requests; try again shortly.",
  upstream: "A model provider returned an error.",
  internal: "Something went wrong on our side.",
};

export function statusFor(code: ErrorCode): number {
  return STATUS[typeOf(code)];
}

function typeOf(code: ErrorCode): ErrorType {
  return code.slice(0, code.indexOf(":")) as ErrorType;
}

/** An error whose message is safe to show to users; the `cause` is for logs only. */
export class QuorumError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[typeOf(code)], options);
    this.name = "QuorumError";
    this.code = code;
    this.status = statusFor(code);
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }

  toResponse(): Response {
    return Response.json({ error: this.toJSON() }, { status: this.status });
  }
}

export function isQuorumError(error: unknown): error is QuorumError {
  return error instanceof QuorumError;
}

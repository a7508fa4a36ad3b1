import "server-only";

import { AppError, errorStatus, type ErrorCode } from "@/lib/errors";

import { challengeFor } from "./challenge";
import { registryHeaders } from "./responses";

/** The error codes of the OCI Distribution spec (plus CNCF Distribution's pagination code). */
const ociErrorStatus = {
  BLOB_UNKNOWN: 404,
  BLOB_UPLOAD_INVALID: 400,
  BLOB_UPLOAD_UNKNOWN: 404,
  DIGEST_INVALID: 400,
  MANIFEST_BLOB_UNKNOWN: 400,
  MANIFEST_INVALID: 400,
  MANIFEST_UNKNOWN: 404,
  NAME_INVALID: 400,
  NAME_UNKNOWN: 404,
  SIZE_INVALID: 400,
  UNAUTHORIZED: 401,
  DENIED: 403,
  UNSUPPORTED: 405,
  TOOMANYREQUESTS: 429,
  PAGINATION_NUMBER_INVALID: 400,
  UNKNOWN: 500,
} as const;

export type OciErrorCode = keyof typeof ociErrorStatus;

function appCodeFor(status: number): ErrorCode {
  const match = Object.entries(errorStatus).find(([, s]) => s === status);
  return (match?.[0] as ErrorCode | undefined) ?? (status >= 500 ? "internal" : "bad_request");
}

/** An error in the registry's own vocabulary; `status` overrides the code's usual one (e.g. 416). */
export class RegistryError extends AppError {
  override name = "RegistryError";
  private readonly httpStatus: number;
  readonly detail: unknown;

  constructor(
    readonly ociCode: OciErrorCode,
    message: string,
    options: { status?: number; headers?: Record<string, string>; detail?: unknown } = {},
  ) {
    const status = options.status ?? ociErrorStatus[ociCode];
    super(appCodeFor(status), message, { headers: options.headers });
    this.httpStatus = status;
    this.detail = options.detail;
  }

  override get status(): number {
    return this.httpStatus;
  }
}

/** How shared-module errors (permission checks, rate limits, zod) read to a registry client. */
const ociCodeForAppCode: Partial<Record<ErrorCode, OciErrorCode>> = {
  unauthorized: "UNAUTHORIZED",
  forbidden: "DENIED",
  not_found: "NAME_UNKNOWN",
  method_not_allowed: "UNSUPPORTED",
  payload_too_large: "SIZE_INVALID",
  range_not_satisfiable: "BLOB_UPLOAD_INVALID",
  rate_limited: "TOOMANYREQUESTS",
};

/**
 * `renderError` for registry routes: the spec's `{"errors":[{code,message,detail}]}` body, and for
 * 401 the Bearer challenge naming the scope this request needs, so docker and skopeo know which
 * token to fetch.
 */
export function renderRegistryError(error: AppError, request: Request): Response {
  const code: OciErrorCode =
    error instanceof RegistryError ? error.ociCode : (ociCodeForAppCode[error.code] ?? "UNKNOWN");
  const headers = new Headers({
    ...registryHeaders,
    ...error.headers,
    "Content-Type": "application/json",
  });
  if (error.status === 401) headers.set("WWW-Authenticate", challengeFor(request));
  const detail = error instanceof RegistryError && error.detail !== undefined ? error.detail : {};
  const body = JSON.stringify({ errors: [{ code, message: error.message, detail }] });
  return new Response(request.method === "HEAD" ? null : body, { status: error.status, headers });
}

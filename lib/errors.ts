import { ZodError } from "zod";

import type { Locale } from "@/lib/i18n/strings";

import { localizeZodIssue } from "./errors/zod-issues";

/** Every error a user can see has one of these codes; the code decides the HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  range_not_satisfiable: 416,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string[]>;

/**
 * Finer reasons within a code, for callers that act on one kind of failure (a page that redirects
 * a file's /tree/ URL to its /blob/ URL) and for clients. Code decides on these, never on message
 * text, which is for people and may be reworded or translated.
 */
export type ErrorReason = "not_a_folder" | "lfs_not_served" | "file_exists" | "invalid_card";

/** Carried by the AppErrors of every bundled copy of this module (see `Symbol.hasInstance`). */
const appErrorBrand = Symbol.for("strata.AppError");

export class AppError extends Error {
  /**
   * Next's server chunks and the protocol front (.next/strata/front.mjs) each bundle this module
   * and share singletons such as the blob store, so an AppError may come from the other copy: it
   * must still be one here, or a refused upload's 400 turns into a 500. Subclasses keep the plain
   * prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && appErrorBrand in value;
  }

  readonly [appErrorBrand] = true;
  override name = "AppError";
  readonly fieldErrors?: FieldErrors;
  readonly headers?: Record<string, string>;
  readonly reason?: ErrorReason;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: {
      fieldErrors?: FieldErrors;
      headers?: Record<string, string>;
      reason?: ErrorReason;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers;
    this.reason = options.reason;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toJSON(): { error: string; code: ErrorCode; reason?: ErrorReason; fieldErrors?: FieldErrors } {
    return {
      error: this.message,
      code: this.code,
      reason: this.reason,
      fieldErrors: this.fieldErrors,
    };
  }

  toResponse(init: { headers?: Record<string, string> } = {}): Response {
    return Response.json(this.toJSON(), {
      status: this.status,
      headers: { ...this.headers, ...init.headers },
    });
  }
}

/** Turns a zod error into field messages keyed by the dotted path, for readers of `locale`. */
export function zodFieldErrors(error: ZodError, locale: Locale = "en"): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(localizeZodIssue(issue, locale));
  }
  return fields;
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/**
 * Normalises anything thrown into an AppError. Unknown errors become a generic 500 whose message
 * never reaches the client; the original is kept as `cause` for the server log. A zod error's
 * field messages are for readers of `locale` (its message stays English, like every AppError's).
 */
export function toAppError(error: unknown, locale: Locale = "en"): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("bad_request", describeZodError(error), {
      fieldErrors: zodFieldErrors(error, locale),
    });
  }
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

export function logIfInternal(error: AppError): void {
  if (error.status >= 500) console.error("[strata]", error.cause ?? error);
}

import type { ErrorCode, ErrorReason, FieldErrors } from "@/lib/errors";

/**
 * What every server action returns; forms render it with `useActionState`. An error's `message`
 * and `fieldErrors` are in the visitor's language; `detail` is the specific English message when
 * `message` had to fall back to the generic sentence for the code.
 */
export type ActionResult<T = unknown> =
  | { status: "idle" }
  | { status: "success"; data: T }
  | {
      status: "error";
      code: ErrorCode;
      reason?: ErrorReason;
      message: string;
      detail?: string;
      fieldErrors?: FieldErrors;
    };

import type { ErrorCode, FieldErrors } from "@/lib/errors";

/** What every server action returns; forms render it with `useActionState`. */
export type ActionResult<T = unknown> =
  | { status: "idle" }
  | { status: "success"; data: T }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

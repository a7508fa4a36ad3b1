import type { ActionResult } from "@/lib/actions/result";

import { cn } from "./cn";

/** The form-level message of an action result, announced to screen readers. */
export function FormMessage({
  state,
  success,
}: {
  state: ActionResult<unknown>;
  success?: string;
}) {
  const message =
    state.status === "error" ? state.message : state.status === "success" ? success : undefined;
  return (
    <p
      aria-live="polite"
      role={state.status === "error" ? "alert" : "status"}
      className={cn("min-h-5 text-sm", state.status === "error" ? "text-danger" : "text-success")}
    >
      {message}
      {/* The specific English text behind a generic translated message: it may name what went wrong. */}
      {state.status === "error" && state.detail ? (
        <span lang="en" className="block text-xs opacity-80">
          {state.detail}
        </span>
      ) : null}
    </p>
  );
}

export function fieldErrors(state: ActionResult<unknown>, field: string): string[] | undefined {
  return state.status === "error" ? state.fieldErrors?.[field] : undefined;
}

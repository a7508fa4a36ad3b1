import "server-only";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { assertActsAsAdmin, type Caller } from "@/lib/auth/caller";
import { clientIp } from "@/lib/auth/client-ip";
import { getSessionUser } from "@/lib/auth/session";
import { logIfInternal, toAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

import type { ActionResult } from "./result";

type Access = "public" | "user" | "admin";

export type ActionContext<A extends Access> = {
  caller: A extends "public" ? Caller | null : Caller;
  ip: string;
};

/** FormData → plain object; a key sent several times (checkbox groups) becomes an array. */
function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function failure(code: ErrorCode, message: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { status: "error", code, message, fieldErrors };
}

/**
 * The one way to write a server action: authenticate (the session), validate the input with zod,
 * then run the handler, which must check permission on the resource it touches. Errors come back
 * as a typed result for `useActionState`; unknown errors are logged and shown generically.
 */
export function defineAction<S extends z.ZodType, T, A extends Access = "user">(
  options: { schema: S; access?: A },
  handler: (input: z.output<S>, ctx: ActionContext<A>) => Promise<T>,
): (previous: ActionResult<T>, input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  const access = options.access ?? "user";
  return async (_previous, input) => {
    try {
      const user = await getSessionUser();
      if (!user && access !== "public") {
        return failure("unauthorized", "Your session has ended. Sign in again to continue.");
      }
      const caller: Caller | null = user ? { ...user, auth: { type: "session" } } : null;
      if (access === "admin") assertActsAsAdmin(caller);
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const error = toAppError(parsed.error);
        return failure("bad_request", "Please correct the highlighted fields.", error.fieldErrors);
      }
      const ip = clientIp(await headers());
      const data = await handler(parsed.data, { caller, ip } as ActionContext<A>);
      return { status: "success", data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      const appError = toAppError(error);
      logIfInternal(appError);
      return failure(appError.code, appError.message, appError.fieldErrors);
    }
  };
}

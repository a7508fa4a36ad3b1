import "server-only";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z, ZodError } from "zod";

import { assertActsAsAdmin, type Caller } from "@/lib/auth/caller";
import { clientIp } from "@/lib/auth/client-ip";
import { getSessionUser } from "@/lib/auth/session";
import { type AppError, logIfInternal, toAppError, zodFieldErrors } from "@/lib/errors";
import { errorStrings, genericErrorMessage } from "@/lib/errors/strings";
import { zodErrorMap } from "@/lib/errors/zod-issues";
import { getLocale } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/strings";

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

/**
 * An AppError for the visitor. Its message is written in English for people, so English readers
 * get it as is; others get the generic sentence for its code in their language, and the English
 * text as `detail` when it says more than that sentence.
 */
function failure(locale: Locale, error: AppError): ActionResult<never> {
  const { code, reason, fieldErrors } = error;
  if (locale === "en")
    return { status: "error", code, reason, message: error.message, fieldErrors };
  const detail = error.message === genericErrorMessage("en", error) ? undefined : error.message;
  return {
    status: "error",
    code,
    reason,
    message: genericErrorMessage(locale, error),
    detail,
    fieldErrors,
  };
}

function invalidInput(locale: Locale, error: ZodError): ActionResult<never> {
  const message = errorStrings[locale].correctFields;
  return {
    status: "error",
    code: "bad_request",
    message,
    fieldErrors: zodFieldErrors(error, locale),
  };
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
    const locale = await getLocale();
    try {
      const user = await getSessionUser();
      if (!user && access !== "public") {
        return {
          status: "error",
          code: "unauthorized",
          message: errorStrings[locale].sessionEnded,
        };
      }
      const caller: Caller | null = user ? { ...user, auth: { type: "session" } } : null;
      if (access === "admin") assertActsAsAdmin(caller);
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = options.schema.safeParse(raw, { error: zodErrorMap(locale) });
      if (!parsed.success) return invalidInput(locale, parsed.error);
      const ip = clientIp(await headers());
      const data = await handler(parsed.data, { caller, ip } as ActionContext<A>);
      return { status: "success", data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      const appError = toAppError(error, locale);
      logIfInternal(appError);
      return failure(locale, appError);
    }
  };
}

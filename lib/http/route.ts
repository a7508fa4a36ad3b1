import "server-only";

import { assertActsAsAdmin, resolveCaller, type Caller } from "@/lib/auth/caller";
import { AppError, logIfInternal, toAppError } from "@/lib/errors";

import { assertSameSiteWrite } from "./same-site";

type Access = "public" | "user" | "admin";

export type RouteContext<P, A extends Access> = {
  caller: A extends "public" ? Caller | null : Caller;
  params: P;
};

type NextRouteContext<P> = { params: Promise<P> };

export type ErrorRenderer = (error: AppError, request: Request) => Response;

const jsonError: ErrorRenderer = (error) => error.toResponse();

/**
 * The one way to write a route handler: resolve the caller (token or session), enforce the
 * access level, refuse session writes sent from other sites, run the handler (which parses its
 * input and checks permission on its resource), and turn any error into a response. Protocol routes pass their own `renderError` (HF, OCI, git).
 */
export function route<P = Record<string, never>, A extends Access = "public">(
  options: {
    access?: A;
    renderError?: ErrorRenderer;
    /** Git and file downloads let a running job read the repositories it was granted. */
    acceptJobTokens?: boolean;
  },
  handler: (request: Request, ctx: RouteContext<P, A>) => Promise<Response>,
): (request: Request, ctx: NextRouteContext<P>) => Promise<Response> {
  const access = options.access ?? "public";
  const render = options.renderError ?? jsonError;
  return async (request, ctx) => {
    try {
      const caller = await resolveCaller(request, { acceptJobTokens: options.acceptJobTokens });
      if (!caller && access !== "public") {
        throw new AppError(
          "unauthorized",
          "Sign in or send an access token (Authorization: Bearer hf_…).",
        );
      }
      if (access === "admin") assertActsAsAdmin(caller);
      assertSameSiteWrite(request, caller?.auth ?? null);
      // Tests may call a handler without a context; Next always passes one.
      const params = ((await (ctx as NextRouteContext<P> | undefined)?.params) ?? {}) as P;
      return await handler(request, { caller, params } as RouteContext<P, A>);
    } catch (error) {
      const appError = toAppError(error);
      logIfInternal(appError);
      return render(appError, request);
    }
  };
}

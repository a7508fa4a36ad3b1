import "server-only";

import { getConfig } from "@/lib/config";

import { parseRegistryPath, scopeForRequest } from "./route-path";

/** The token service name: the host clients use to reach this registry (`hub.example.com:443`). */
export function registryService(): string {
  return new URL(getConfig().publicUrl).host;
}

function tokenRealm(): string {
  return `${getConfig().publicUrl}/v2/token`;
}

/**
 * The `WWW-Authenticate` value of a 401: where to get a token and for which scope. The token
 * endpoint itself asks for HTTP Basic (user name and access token), as `docker login` expects.
 */
export function challengeFor(request: Request): string {
  const path = parseRegistryPath(new URL(request.url).pathname);
  if (path?.kind === "token") return 'Basic realm="Strata registry", charset="UTF-8"';
  const scope = scopeForRequest(request.method, path);
  const base = `Bearer realm="${tokenRealm()}",service="${registryService()}"`;
  return scope ? `${base},scope="${scope}"` : base;
}

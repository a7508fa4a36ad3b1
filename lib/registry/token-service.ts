import "server-only";

import { findRegistryRepository } from "@/db/queries/registry";

import { permittedActions, type RegistryPrincipal } from "./access";
import { registryService } from "./challenge";
import { isRepositoryName } from "./names";
import { registryTokenLifetimeSeconds, signRegistryToken } from "./registry-token";
import type { RegistryAction } from "./route-path";
import { parseScopes, repositoryActionsIn, type ScopeGrant } from "./scopes";

/**
 * For each requested scope, the actions the principal really has: the intersection of what was
 * asked and what is allowed. A partial or empty grant is not an error (the spec says so), and a
 * private repository the principal cannot read gets the same empty grant as a missing one.
 */
async function grantScopes(
  principal: RegistryPrincipal,
  requested: string[],
): Promise<ScopeGrant[]> {
  const granted = new Map<string, ScopeGrant>();
  for (const scope of parseScopes(requested)) {
    if (scope.type === "registry" && scope.name === "catalog" && scope.actions.includes("*")) {
      // Everyone may ask; the catalog lists only repositories the principal can pull.
      granted.set("registry:catalog", { type: "registry", name: "catalog", actions: ["*"] });
      continue;
    }
    if (scope.type !== "repository" || !isRepositoryName(scope.name)) continue;
    const asked = repositoryActionsIn([scope], scope.name);
    const allowed = await permittedActions(
      principal,
      scope.name,
      await findRegistryRepository(scope.name),
    );
    const key = `repository:${scope.name}`;
    const actions = new Set<RegistryAction>(
      granted.get(key)?.actions as RegistryAction[] | undefined,
    );
    for (const action of asked) if (allowed.has(action)) actions.add(action);
    if (actions.size > 0)
      granted.set(key, { type: "repository", name: scope.name, actions: [...actions] });
  }
  return [...granted.values()];
}

function subjectOf(principal: RegistryPrincipal): string {
  if (principal.type === "user") return `user:${principal.caller.id}`;
  if (principal.type === "job") return `job:${principal.jobId}`;
  return "";
}

export type IssuedRegistryToken = {
  token: string;
  expiresIn: number;
  issuedAt: string;
  access: ScopeGrant[];
};

/** A signed, short-lived registry token for the principal and the scopes it asked for. */
export async function issueRegistryToken(
  principal: RegistryPrincipal,
  scopes: string[],
): Promise<IssuedRegistryToken> {
  const access = await grantScopes(principal, scopes);
  const auth = principal.type === "user" ? principal.caller.auth : null;
  const { token, claims } = signRegistryToken({
    subject: subjectOf(principal),
    audience: registryService(),
    access,
    tokenScope: auth ? (auth.type === "token" ? auth.scope : "write") : undefined,
    tokenId: auth?.type === "token" ? auth.tokenId : undefined,
  });
  return {
    token,
    expiresIn: registryTokenLifetimeSeconds,
    issuedAt: new Date(claims.iat * 1000).toISOString(),
    access,
  };
}

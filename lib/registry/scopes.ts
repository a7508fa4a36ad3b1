import type { RegistryAction } from "./route-path";

/** One entry of a token's `access` claim: `{type: "repository", name: "alice/app", actions: ["pull"]}`. */
export type ScopeGrant = { type: string; name: string; actions: string[] };

const registryActions: readonly RegistryAction[] = ["pull", "push", "delete"];

/**
 * Parses `scope` parameters (`repository:alice/app:pull,push`, several per request, each possibly
 * space-separated). The name is everything between the first and the last colon, so names with a
 * `host:port` survive; a resource class (`repository(plugin)`) is dropped.
 */
export function parseScopes(values: string[]): ScopeGrant[] {
  const grants: ScopeGrant[] = [];
  for (const value of values.flatMap((v) => v.split(/\s+/)).filter(Boolean)) {
    const first = value.indexOf(":");
    const last = value.lastIndexOf(":");
    if (first <= 0 || last === first) continue;
    const type = value.slice(0, first).replace(/\(.*\)$/, "");
    const name = value.slice(first + 1, last);
    const actions = value
      .slice(last + 1)
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    if (name && actions.length > 0) grants.push({ type, name, actions });
  }
  return grants;
}

/** The repository actions the grants give for `name` (`*` means all of them). */
export function repositoryActionsIn(grants: ScopeGrant[], name: string): Set<RegistryAction> {
  const actions = new Set<RegistryAction>();
  for (const grant of grants) {
    if (grant.type !== "repository" || grant.name !== name) continue;
    for (const action of grant.actions) {
      if (action === "*") registryActions.forEach((a) => actions.add(a));
      else if ((registryActions as string[]).includes(action))
        actions.add(action as RegistryAction);
    }
  }
  return actions;
}

export function grantsCatalog(grants: ScopeGrant[]): boolean {
  return grants.some(
    (g) => g.type === "registry" && g.name === "catalog" && g.actions.includes("*"),
  );
}

import "server-only";

import {
  findRegistryRepository,
  type NewRegistryRepository,
  type RegistryRepository,
} from "@/db/queries/registry";
import { callerCanWrite, type Caller } from "@/lib/auth/caller";
import { allowedActions } from "@/lib/auth/permissions";

import { RegistryError } from "./errors";
import { assertRepositoryName } from "./names";
import { isSpaceRepository, resolveNamespace } from "./namespaces";
import type { RegistryAction } from "./route-path";
import { repositoryActionsIn, type ScopeGrant } from "./scopes";

/** Who is asking: nobody, a user (token, session or registry token), or a build job's credential. */
export type RegistryPrincipal =
  | { type: "anonymous" }
  | { type: "user"; caller: Caller }
  | { type: "job"; jobId: string; grants: ScopeGrant[] };

/**
 * A principal plus, when it authenticated with a registry token, the token's `access` claim: the
 * most the request may do, however much the principal could do otherwise.
 */
export type RegistryRequester = { principal: RegistryPrincipal; cap: ScopeGrant[] | null };

function callerOf(principal: RegistryPrincipal): Caller | null {
  return principal.type === "user" ? principal.caller : null;
}

/** The user to name in the audit log, if a user is behind the request. */
export function actorIdOf(principal: RegistryPrincipal): number | null {
  return callerOf(principal)?.id ?? null;
}

/**
 * The registry actions a principal has on a repository, derived from the one permission function:
 * read → pull, write → push and delete. `spaces/…` is written only by build jobs. A repository
 * that does not exist yet may be pushed by whoever may write to its namespace.
 */
export async function permittedActions(
  principal: RegistryPrincipal,
  name: string,
  repository: RegistryRepository | null,
): Promise<Set<RegistryAction>> {
  if (principal.type === "job") {
    // Exactly its grants, plus what anyone may do: a Space build pulls its public base image.
    const actions = repositoryActionsIn(principal.grants, name);
    if (repository && !repository.isPrivate) actions.add("pull");
    return actions;
  }
  const caller = callerOf(principal);
  const result = new Set<RegistryAction>();
  if (repository) {
    const granted = await allowedActions(caller, repository);
    if (granted.has("read")) result.add("pull");
    if (granted.has("write") && !isSpaceRepository(name)) result.add("push").add("delete");
    return result;
  }
  const namespace = await resolveNamespace(name);
  if (!namespace || namespace.kind === "space") return result;
  const granted = await allowedActions(caller, {
    ...namespace,
    isPrivate: namespace.defaultPrivate,
  });
  if (granted.has("write")) result.add("pull").add("push").add("delete");
  return result;
}

export type AuthorizedRepository = {
  /** Null when a push is about to create the repository. */
  repository: RegistryRepository | null;
  /** What to create on the first push (or the existing repository's identity). */
  target: NewRegistryRepository;
};

async function targetFor(
  name: string,
  repository: RegistryRepository | null,
): Promise<NewRegistryRepository> {
  if (repository) return { name, ownerId: repository.ownerId, isPrivate: repository.isPrivate };
  const namespace = await resolveNamespace(name);
  if (!namespace)
    throw new RegistryError("DENIED", `There is no user or organisation for "${name}".`);
  return { name, ownerId: namespace.ownerId, isPrivate: namespace.defaultPrivate };
}

/**
 * Checks that the requester may do `action` on repository `name` and returns it. Failures never
 * reveal a private repository: a caller who cannot read it gets what a missing repository gives
 * (401 when anonymous, NAME_UNKNOWN for pulls, DENIED for pushes).
 */
export async function authorizeRepository(
  requester: RegistryRequester,
  name: string,
  action: RegistryAction,
): Promise<AuthorizedRepository> {
  assertRepositoryName(name);
  const repository = await findRegistryRepository(name);
  const permitted = await permittedActions(requester.principal, name, repository);
  const capped = requester.cap ? repositoryActionsIn(requester.cap, name) : null;
  if (permitted.has(action) && (!capped || capped.has(action))) {
    return { repository, target: await targetFor(name, repository) };
  }
  if (permitted.has(action)) {
    // Allowed in principle: the client needs a token with this scope (the 401 names it).
    throw new RegistryError(
      "UNAUTHORIZED",
      `The registry token does not grant ${action} on ${name}; request one that does.`,
    );
  }
  if (requester.principal.type === "anonymous") {
    throw new RegistryError(
      "UNAUTHORIZED",
      "Authentication required: log in with your user name and an access token.",
    );
  }
  if (action === "pull") throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  const caller = callerOf(requester.principal);
  if (caller && !callerCanWrite(caller)) {
    throw new RegistryError(
      "DENIED",
      "This access token is read-only; use a token with write scope to push.",
    );
  }
  throw new RegistryError("DENIED", `Requested access to ${name} is denied.`);
}

/** Whether the requester may see that a repository exists (for the catalog). */
export async function canPull(
  requester: RegistryRequester,
  repository: RegistryRepository,
): Promise<boolean> {
  return (await permittedActions(requester.principal, repository.name, repository)).has("pull");
}

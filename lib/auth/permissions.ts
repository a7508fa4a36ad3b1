import "server-only";

import { findMemberRole } from "@/db/queries/orgs";
import type { MemberRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";

import { callerCanWrite, type Caller } from "./caller";

export type Action = "read" | "write" | "admin";

/**
 * Something owned by a user or an organisation. `isPrivate` is false for things everyone may
 * read (profiles, public repositories).
 */
export type OwnedResource = {
  ownerId: number;
  ownerKind: "user" | "org";
  isPrivate: boolean;
};

const roleGrants: Record<MemberRole, Action[]> = {
  read: ["read"],
  write: ["read", "write"],
  admin: ["read", "write", "admin"],
};

/** Everything the caller may do to a resource, decided in one place. */
export async function allowedActions(
  caller: Caller | null,
  resource: OwnedResource,
): Promise<Set<Action>> {
  const granted = new Set<Action>(resource.isPrivate ? [] : ["read"]);
  // A job is nobody: what it may read beyond public content is decided per repository (repoActions).
  if (!caller || caller.auth.type === "job") return granted;

  let personal: Action[] = [];
  if (caller.isAdmin) personal = ["read", "write", "admin"];
  else if (resource.ownerKind === "user" && resource.ownerId === caller.id) {
    personal = ["read", "write", "admin"];
  } else if (resource.ownerKind === "org") {
    const role = await findMemberRole(resource.ownerId, caller.id);
    if (role) personal = roleGrants[role];
  }

  // A read-only token narrows whatever the user could otherwise do.
  const scopeAllows = (action: Action) => action === "read" || callerCanWrite(caller);
  for (const action of personal) if (scopeAllows(action)) granted.add(action);
  return granted;
}

export async function can(
  caller: Caller | null,
  action: Action,
  resource: OwnedResource,
): Promise<boolean> {
  return (await allowedActions(caller, resource)).has(action);
}

/**
 * Throws unless the caller may do `action`. Something the caller may not even read is reported as
 * missing (404), so private content does not reveal that it exists.
 */
export async function assertCan(
  caller: Caller | null,
  action: Action,
  resource: OwnedResource,
  what = "Resource",
): Promise<void> {
  const granted = await allowedActions(caller, resource);
  if (granted.has(action)) return;
  if (!granted.has("read")) throw new AppError("not_found", `${what} not found.`);
  if (!caller) throw new AppError("unauthorized", "Sign in or send an access token to do this.");
  if (!callerCanWrite(caller)) {
    throw new AppError(
      "forbidden",
      "This access token is read-only; use a token with write scope.",
    );
  }
  throw new AppError("forbidden", "You do not have permission to do this.");
}

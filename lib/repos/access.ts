import "server-only";

import { findRepoRecord, type RepoRecord } from "@/db/queries/repos";
import type { Caller } from "@/lib/auth/caller";
import { allowedActions, type Action, type OwnedResource } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { repoNotFound } from "@/lib/hub/errors";
import type { RepoRef } from "@/lib/hub/types";
import { repoTypePlural } from "@/lib/validation/repo-names";

/** A repository the caller may at least read, with what else they may do to it. */
export type RepoAccess = { repo: RepoRecord; ref: RepoRef; allowed: Set<Action> };

function repoResource(
  repo: Pick<RepoRecord, "ownerId" | "ownerKind" | "isPrivate">,
): OwnedResource {
  return { ownerId: repo.ownerId, ownerKind: repo.ownerKind, isPrivate: repo.isPrivate };
}

/** How a job's grants name a repository: its URL path, e.g. `spaces/alice/demo`. */
function repoGrantName(repo: Pick<RepoRecord, "type" | "ownerName" | "name">): string {
  return `${repoTypePlural[repo.type]}/${repo.ownerName}/${repo.name}`;
}

/**
 * Everything the caller may do to this repository: the permission function's answer for its
 * owner and visibility, plus reading it for a running job whose `clone` grant names it.
 */
export async function repoActions(caller: Caller | null, repo: RepoRecord): Promise<Set<Action>> {
  const allowed = await allowedActions(caller, repoResource(repo));
  if (caller?.auth.type === "job" && caller.auth.grants.clone?.includes(repoGrantName(repo))) {
    allowed.add("read");
  }
  return allowed;
}

/** The canonical reference of a record (the spelling it was created with). */
export function refOf(repo: Pick<RepoRecord, "type" | "ownerName" | "name">): RepoRef {
  return { type: repo.type, owner: repo.ownerName, name: repo.name };
}

/**
 * Loads a repository for a caller and checks `action` on it. A repository that does not exist and
 * one the caller may not read get the same 404 (with `X-Error-Code: RepoNotFound`), on every path.
 */
export async function getRepo(
  caller: Caller | null,
  address: RepoRef,
  action: Action = "read",
): Promise<RepoAccess> {
  const repo = await findRepoRecord(address.type, address.owner, address.name);
  if (!repo) throw repoNotFound();
  const allowed = await repoActions(caller, repo);
  if (!allowed.has("read")) throw repoNotFound();
  if (!allowed.has(action)) {
    if (!caller) throw new AppError("unauthorized", "Sign in or send an access token to do this.");
    if (caller.auth.type === "token" && caller.auth.scope === "read") {
      throw new AppError(
        "forbidden",
        "This access token is read-only; use a token with write scope.",
      );
    }
    throw new AppError(
      "forbidden",
      `You do not have ${action} access to ${repo.ownerName}/${repo.name}.`,
    );
  }
  return { repo, ref: refOf(repo), allowed };
}

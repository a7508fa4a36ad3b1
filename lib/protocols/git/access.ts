import "server-only";

import { basicChallenge, type Caller } from "@/lib/auth/caller";
import type { Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo, type RepoAccess } from "@/lib/repos/access";

/** A 401 that makes git and git-lfs ask their credential helpers for a user name and token. */
function credentialsRequired(message: string): AppError {
  return new AppError("unauthorized", message, {
    headers: { "WWW-Authenticate": basicChallenge, "LFS-Authenticate": basicChallenge },
  });
}

/**
 * The repository behind a git or LFS request, if the caller may do `action` on it. Anonymous
 * callers get a 401 for anything they may not do, private and missing repositories alike (so git
 * asks for credentials and learns nothing); signed-in callers get 404 for what they cannot read,
 * and 403 for what they can read but not change (read-only token, no write access).
 */
export async function requireRepoAccess(
  caller: Caller | null,
  address: RepoRef,
  action: Action,
): Promise<RepoAccess> {
  try {
    return await getRepo(caller, address, action);
  } catch (error) {
    if (
      !caller &&
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "unauthorized")
    ) {
      throw credentialsRequired(
        action === "read"
          ? "Authentication required: use your user name and an access token as the password."
          : "Authentication required to push: use your user name and an access token with write scope as the password.",
      );
    }
    throw error;
  }
}

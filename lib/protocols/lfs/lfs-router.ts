import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { requireRepoAccess } from "@/lib/protocols/git/access";

import { lfsBatch } from "./batch";
import { lfsJson } from "./errors";
import { downloadLfsObject, uploadLfsObject, verifyLfsObject } from "./transfer";

export type LfsRequest = {
  caller: Caller | null;
  address: RepoRef;
  /** The path after `…/info/lfs/`, split into segments. */
  path: string[];
  /** The absolute URL of this repository's LFS endpoint (`…/{name}.git/info/lfs`). */
  lfsBase: string;
};

const methodNotAllowed = () =>
  new AppError("method_not_allowed", "This LFS endpoint does not take that method.");

/**
 * The Git LFS API of one repository: batch, basic transfers, verify, and the locking endpoints
 * git-lfs probes on push (no locks are kept; an empty list stops its warning).
 */
export async function handleLfsRequest(request: Request, lfs: LfsRequest): Promise<Response> {
  const [first, second, ...rest] = lfs.path;
  const method = request.method;
  if (first === "objects" && second === "batch" && rest.length === 0) {
    if (method !== "POST") throw methodNotAllowed();
    return lfsBatch(request, { caller: lfs.caller, address: lfs.address, lfsBase: lfs.lfsBase });
  }
  if (first === "objects" && second && rest.length === 0) {
    if (method === "PUT") return uploadLfsObject(request, second);
    if (method === "GET" || method === "HEAD") return downloadLfsObject(request, second);
    throw methodNotAllowed();
  }
  if (first === "verify" && second === undefined) {
    if (method !== "POST") throw methodNotAllowed();
    return verifyLfsObject(request);
  }
  if (first === "locks") {
    if (second === "verify" && rest.length === 0 && method === "POST") {
      await requireRepoAccess(lfs.caller, lfs.address, "write");
      return lfsJson({ ours: [], theirs: [] });
    }
    if (second === undefined && method === "GET") {
      await requireRepoAccess(lfs.caller, lfs.address, "read");
      return lfsJson({ locks: [] });
    }
    throw new AppError("not_found", "File locking is not supported by this server.");
  }
  throw new AppError("not_found", "There is no LFS endpoint at this path.");
}

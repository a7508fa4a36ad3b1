import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/request-body";
import {
  createBranch,
  createTag,
  deleteBranch,
  deleteTag,
  listRefs,
  type RefInfo,
} from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo } from "@/lib/repos/access";
import { commitIdentity } from "@/lib/repos/identity";

const refJson = (ref: RefInfo) => ({ name: ref.name, ref: ref.ref, targetCommit: ref.commit });

/** `GET /api/{type}s/{id}/refs`: branches and tags (Python's `list_repo_refs`). */
export async function listRefsHf(caller: Caller | null, address: RepoRef): Promise<Response> {
  const { ref } = await getRepo(caller, address, "read");
  const refs = await listRefs(ref);
  return Response.json({
    branches: refs.branches.map(refJson),
    converts: [],
    tags: refs.tags.map(refJson),
    pullRequests: [],
  });
}

const branchSchema = z.object({
  startingPoint: z.string().max(256).nullish(),
  emptyBranch: z.boolean().nullish(),
  overwrite: z.boolean().nullish(),
});

/** `POST` (create) and `DELETE` `/api/{type}s/{id}/branch/{branch}`. */
export async function branchHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  branch: string,
) {
  const { ref } = await getRepo(caller, address, "write");
  if (request.method === "DELETE") {
    await deleteBranch(ref, { branch, source: "api" });
    return Response.json({});
  }
  if (request.method !== "POST")
    throw new AppError("method_not_allowed", "Use POST to create a branch, DELETE to delete one.");
  const body = branchSchema.parse(await readJsonBody(request));
  await createBranch(ref, {
    branch,
    from: body.startingPoint ?? undefined,
    empty: body.emptyBranch ?? false,
    overwrite: body.overwrite ?? false,
    author: commitIdentity(caller!),
    source: "api",
  });
  return Response.json({});
}

const tagSchema = z.object({
  tag: z.string().min(1).max(200),
  message: z
    .string()
    .max(64 * 1024)
    .nullish(),
});

/**
 * `POST /api/{type}s/{id}/tag/{revision}` with `{tag, message?}` creates a tag at the revision;
 * `DELETE /api/{type}s/{id}/tag/{tag}` deletes one.
 */
export async function tagHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  name: string,
) {
  const { ref } = await getRepo(caller, address, "write");
  if (request.method === "DELETE") {
    await deleteTag(ref, { tag: name, source: "api" });
    return Response.json({});
  }
  if (request.method !== "POST")
    throw new AppError("method_not_allowed", "Use POST to create a tag, DELETE to delete one.");
  const body = tagSchema.parse(await readJsonBody(request));
  await createTag(ref, {
    tag: body.tag,
    rev: name,
    ...(body.message ? { message: body.message, tagger: commitIdentity(caller!) } : {}),
    source: "api",
  });
  return Response.json({});
}

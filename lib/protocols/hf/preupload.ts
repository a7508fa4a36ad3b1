import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { readJsonBody } from "@/lib/http/request-body";
import { lfsDecision } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo } from "@/lib/repos/access";

import { writableBranch } from "./branch";

const preuploadSchema = z.object({
  files: z
    .array(
      z.object({
        path: z.string().min(1).max(4096),
        size: z.number().int().min(0),
        sample: z.string().optional(),
      }),
    )
    .max(1000, "Send at most 1000 files per preupload request."),
  gitAttributes: z
    .string()
    .max(1024 * 1024)
    .nullish(),
  gitIgnore: z.string().nullish(),
});

/**
 * `POST /api/{type}s/{id}/preupload/{rev}`: which files go through LFS, by the same rule the
 * commit applies (size, `.gitattributes` — the commit's own when it carries one). Python needs
 * `shouldIgnore` on every file.
 */
export async function preuploadHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string,
) {
  const { ref } = await getRepo(caller, address, "write");
  const branch = await writableBranch(ref, rev, request);
  const body = preuploadSchema.parse(await readJsonBody(request, 4 * 1024 * 1024));
  const decision = await lfsDecision(ref, {
    rev: branch,
    files: body.files.map((file) => ({ path: file.path, size: file.size })),
    rootGitattributes: body.gitAttributes ?? undefined,
  });
  return Response.json({
    files: decision.files.map((file) => ({
      path: file.path,
      uploadMode: file.lfs ? "lfs" : "regular",
      shouldIgnore: false,
    })),
    commitOid: decision.commit,
  });
}

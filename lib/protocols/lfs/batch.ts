import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { readJsonBody } from "@/lib/http/request-body";
import { servedLfsObjects } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { requireRepoAccess } from "@/lib/protocols/git/access";
import { getBlobStore } from "@/lib/storage/blob-store";

import { objectProblem, parseBatchRequest } from "./batch-request";
import { lfsJson } from "./errors";
import { encodeGrant, transferLinkSeconds, type TransferGrant } from "./transfer-grant";

type Action = { href: string; expires_in: number; expires_at: string };

export type BatchObject = {
  oid: string;
  size: number;
  authenticated?: boolean;
  actions?: { upload?: Action; verify?: Action; download?: Action };
  error?: { code: number; message: string };
};

/**
 * `POST <repo>.git/info/lfs/objects/batch` for git-lfs and the HF clients alike. Uploads of
 * objects the repository already has get no actions (nothing to send); everything else gets
 * self-authenticating links to this server (`transfer-grant.ts`). An object counts as the
 * repository's only when it is linked to it: content the server holds for other repositories
 * must be uploaded again (which proves the client has it) and is never served from here.
 */
export async function lfsBatch(
  request: Request,
  options: { caller: Caller | null; address: RepoRef; lfsBase: string },
): Promise<Response> {
  const batch = parseBatchRequest(await readJsonBody(request, 1024 * 1024));
  const upload = batch.operation === "upload";
  const { repo } = await requireRepoAccess(
    options.caller,
    options.address,
    upload ? "write" : "read",
  );
  const store = getBlobStore();
  const served = await servedLfsObjects(
    repo.id,
    batch.objects.filter((object) => !objectProblem(object)),
  );
  const expiresAt = Math.floor(Date.now() / 1000) + transferLinkSeconds;
  const caller = options.caller;
  const link = (op: TransferGrant["op"], oid: string, size: number, path: string): Action => {
    const token = encodeGrant({
      op,
      repoId: repo.id,
      oid,
      size,
      userId: caller?.id ?? 0,
      tokenId: caller?.auth.type === "token" ? caller.auth.tokenId : 0,
      jobId: caller?.auth.type === "job" ? caller.auth.jobId : 0,
      jobAttempt: caller?.auth.type === "job" ? caller.auth.attempt : 0,
      expiresAt,
    });
    return {
      href: `${options.lfsBase}/${path}?token=${token}`,
      expires_in: transferLinkSeconds,
      expires_at: new Date(expiresAt * 1000).toISOString(),
    };
  };

  const objects = await Promise.all(
    batch.objects.map(async ({ oid, size }): Promise<BatchObject> => {
      const problem = objectProblem({ oid, size });
      if (problem) return { oid, size, error: problem };
      const stored = served.has(oid) ? await store.stat(oid) : null;
      if (upload) {
        if (stored?.size === size) return { oid, size };
        return {
          oid,
          size,
          authenticated: true,
          actions: {
            upload: link("upload", oid, size, `objects/${oid}`),
            verify: link("upload", oid, size, "verify"),
          },
        };
      }
      if (!stored)
        return {
          oid,
          size,
          error: { code: 404, message: "Object does not exist in this repository." },
        };
      if (stored.size !== size)
        return {
          oid,
          size,
          error: { code: 422, message: `The object is ${stored.size} bytes, not ${size}.` },
        };
      return {
        oid,
        size,
        authenticated: true,
        actions: { download: link("download", oid, size, `objects/${oid}`) },
      };
    }),
  );
  return lfsJson({ transfer: "basic", hash_algo: "sha256", objects });
}

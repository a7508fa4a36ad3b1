import "server-only";

import { Readable } from "node:stream";

import { AppError } from "@/lib/errors";
import { fileResponse } from "@/lib/http/file-response";
import { readJsonBody } from "@/lib/http/request-body";
import { servesLfsObject } from "@/lib/hub";
import { recordStoredLfsObject } from "@/lib/hub/lfs/record-object";
import { getBlobStore } from "@/lib/storage/blob-store";
import { blobWebStream } from "@/lib/storage/blob-web-stream";

import { linkRepoLfsObjects } from "@/db/queries/repo-lfs-objects";
import { lfsJson } from "./errors";
import { authorizeGrant } from "./grant-caller";
import { decodeGrant, type TransferGrant } from "./transfer-grant";

function grantFrom(request: Request, op: TransferGrant["op"], oid?: string): TransferGrant {
  const token = new URL(request.url).searchParams.get("token");
  if (!token)
    throw new AppError(
      "unauthorized",
      "This transfer link has no token; ask the batch API for a new one.",
    );
  const grant = decodeGrant(token);
  if (grant.op !== op || (oid !== undefined && grant.oid !== oid)) {
    throw new AppError("forbidden", "This transfer link is for another object or operation.");
  }
  return grant;
}

/**
 * `PUT …/info/lfs/objects/{oid}?token=…`: streams the bytes into the blob store, which hashes them
 * on the way and publishes the object only when digest and size match. Only then is it recorded as
 * LFS content and linked to the repository, so no row ever names bytes that are not in place.
 */
export async function uploadLfsObject(request: Request, oid: string): Promise<Response> {
  const grant = grantFrom(request, "upload", oid);
  const repo = await authorizeGrant(grant);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) !== grant.size) {
    throw new AppError(
      "bad_request",
      `Expected ${grant.size} bytes, the request declares ${declared}.`,
    );
  }
  const store = getBlobStore();
  await store.write(request.body ?? Readable.from([]), {
    sha256: grant.oid,
    size: grant.size,
    maxSize: grant.size,
  });
  await recordStoredLfsObject(grant.oid, grant.size);
  await linkRepoLfsObjects(repo.id, [{ sha256: grant.oid, size: grant.size }]);
  return new Response(null, { status: 200 });
}

/** `GET …/info/lfs/objects/{oid}?token=…`: the object's bytes (ranges supported). */
export async function downloadLfsObject(request: Request, oid: string): Promise<Response> {
  const grant = grantFrom(request, "download", oid);
  const repo = await authorizeGrant(grant);
  const store = getBlobStore();
  const stored = (await servesLfsObject(repo.id, { oid, size: grant.size }))
    ? await store.stat(oid)
    : null;
  if (!stored) throw new AppError("not_found", "Object does not exist in this repository.");
  return fileResponse(request, {
    size: stored.size,
    etag: oid,
    contentType: "application/octet-stream",
    headers: { "Cache-Control": "no-transform" },
    open: (range) => blobWebStream(oid, range),
  });
}

/** `POST …/info/lfs/verify?token=…` with `{oid, size}`: 200 once the upload is complete and linked. */
export async function verifyLfsObject(request: Request): Promise<Response> {
  const grant = grantFrom(request, "upload");
  const repo = await authorizeGrant(grant);
  const body = (await readJsonBody(request, 16 * 1024)) as { oid?: unknown; size?: unknown };
  if (body.oid !== grant.oid || body.size !== grant.size) {
    throw new AppError("unprocessable", "The object to verify does not match this link.");
  }
  const stored = (await servesLfsObject(repo.id, { oid: grant.oid, size: grant.size }))
    ? await getBlobStore().stat(grant.oid)
    : null;
  if (stored?.size !== grant.size)
    throw new AppError("not_found", "The object has not been uploaded (completely).");
  return lfsJson({});
}

import "server-only";

import { findLinkedBlob, unlinkRegistryBlob } from "@/db/queries/registry";
import { parseByteRange } from "@/lib/http/byte-range";
import { getBlobStore } from "@/lib/storage/blob-store";
import { blobWebStream } from "@/lib/storage/blob-web-stream";

import { authorizeRepository, type RegistryRequester } from "./access";
import { RegistryError } from "./errors";
import { digestHex, isDigest, isSha256Digest } from "./names";
import { registryEmpty, registryResponse } from "./responses";

const blobUnknown = (digest: string) =>
  new RegistryError("BLOB_UNKNOWN", `Blob ${digest} is not in this repository.`);

function assertDigest(digest: string): void {
  if (!isDigest(digest)) throw new RegistryError("DIGEST_INVALID", `"${digest}" is not a digest.`);
}

/** GET/HEAD a blob: served only by repositories it was uploaded to or mounted into; supports one Range. */
export async function getBlob(
  request: Request,
  requester: RegistryRequester,
  name: string,
  digest: string,
) {
  const { repository } = await authorizeRepository(requester, name, "pull");
  assertDigest(digest);
  if (!repository) throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  const linked = isSha256Digest(digest) ? await findLinkedBlob(repository.id, digest) : null;
  const store = getBlobStore();
  const stored = linked ? await store.stat(digestHex(digest)) : null;
  if (!stored) throw blobUnknown(digest);

  const headers: Record<string, string> = {
    "Content-Type": "application/octet-stream",
    "Docker-Content-Digest": digest,
    ETag: `"${digest}"`,
    "Accept-Ranges": "bytes",
    "Cache-Control": "max-age=31536000",
  };
  const range = parseByteRange(request.headers.get("range"), stored.size);
  if (range === "unsatisfiable") {
    return registryEmpty(request, 416, { ...headers, "Content-Range": `bytes */${stored.size}` });
  }
  const length = range ? range.end - range.start + 1 : stored.size;
  headers["Content-Length"] = String(length);
  if (range) headers["Content-Range"] = `bytes ${range.start}-${range.end}/${stored.size}`;
  const body =
    request.method === "HEAD" || length === 0
      ? null
      : blobWebStream(digestHex(digest), range ?? undefined);
  return registryResponse(request, body, { status: range ? 206 : 200, headers });
}

/** Removes the blob from this repository; the bytes stay until garbage collection finds them unused. */
export async function deleteBlob(
  request: Request,
  requester: RegistryRequester,
  name: string,
  digest: string,
) {
  const { repository } = await authorizeRepository(requester, name, "delete");
  assertDigest(digest);
  if (!repository || !(await unlinkRegistryBlob(repository.id, digest))) throw blobUnknown(digest);
  return registryEmpty(request, 202, { "Docker-Content-Digest": digest });
}

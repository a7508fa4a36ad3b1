import "server-only";

import {
  findLinkedBlob,
  findRegistryBlob,
  findRegistryRepository,
  linkRegistryBlob,
  unlinkRegistryBlob,
  type NewRegistryRepository,
} from "@/db/queries/registry";
import { getBlobStore } from "@/lib/storage/blob-store";
import { createBatchHash } from "@/lib/storage/hash-worker";

import { authorizeRepository, type RegistryRequester } from "./access";
import { adoptUpload, appendBody, createUploadFile, removeFile } from "./blob-ingest";
import { assertUploadDigest, digestHex, isRepositoryName, isSha256Digest } from "./names";
import { registryEmpty } from "./responses";
import { startUploadSession } from "./upload-sessions";

const blobCreated = (request: Request, name: string, digest: string) =>
  registryEmpty(request, 201, {
    Location: `/v2/${name}/blobs/${digest}`,
    "Docker-Content-Digest": digest,
  });

/**
 * Cross-repository mount: links a blob of `from` into the target without moving bytes, but only
 * when the requester may pull `from` and the blob really is there. Anything else returns false and
 * the client gets an ordinary upload session, as the spec asks.
 */
async function tryMount(
  requester: RegistryRequester,
  target: NewRegistryRepository,
  digest: string,
  from: string | null,
): Promise<boolean> {
  if (!isSha256Digest(digest) || !from || !isRepositoryName(from)) return false;
  const source = await authorizeRepository(requester, from, "pull").then(
    (authorized) => authorized.repository,
    () => null,
  );
  const linked = source ? await findLinkedBlob(source.id, digest) : null;
  const known = linked ? await findRegistryBlob(digest) : null;
  const store = getBlobStore();
  if (!linked || !known || !(await store.stat(digestHex(digest)))) return false;
  await linkRegistryBlob({ repository: target, digest, size: linked.size, origin: known.origin });
  // Garbage collection may have taken the unused bytes just before the link; then upload instead.
  if (await store.stat(digestHex(digest))) return true;
  const repository = await findRegistryRepository(target.name);
  if (repository) await unlinkRegistryBlob(repository.id, digest);
  return false;
}

/** A single POST carrying the whole blob (`?digest=` plus body): verified, stored and linked at once. */
async function uploadMonolithic(
  request: Request,
  target: NewRegistryRepository,
  digest: string,
): Promise<void> {
  const tempFile = await createUploadFile();
  try {
    const hash = createBatchHash();
    try {
      await appendBody(tempFile, 0, request.body, hash);
      await adoptUpload(tempFile, digest, target, await hash.digest());
    } finally {
      hash.dispose();
    }
  } finally {
    await removeFile(tempFile);
  }
}

/** POST /v2/<name>/blobs/uploads/: mount, single-request upload, or a new upload session. */
export async function startUpload(
  request: Request,
  requester: RegistryRequester,
  name: string,
): Promise<Response> {
  const { target } = await authorizeRepository(requester, name, "push");
  const params = new URL(request.url).searchParams;
  const mount = params.get("mount");
  if (mount && (await tryMount(requester, target, mount, params.get("from")))) {
    return blobCreated(request, name, mount);
  }
  if (!mount && params.has("digest")) {
    const digest = assertUploadDigest(params.get("digest"));
    await uploadMonolithic(request, target, digest);
    return blobCreated(request, name, digest);
  }
  return startUploadSession(request, name);
}

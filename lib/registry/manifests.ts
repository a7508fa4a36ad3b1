import "server-only";

import { insertAudit } from "@/db/queries/audit";
import {
  deleteManifestByDigest,
  deleteTag,
  findManifestByDigest,
  findManifestByTag,
} from "@/db/queries/registry-manifests";
import { withdrawRegistryTags } from "@/lib/images/catalog/registry-sync";
import { blobWebStream } from "@/lib/storage/blob-web-stream";

import { actorIdOf, authorizeRepository, type RegistryRequester } from "./access";
import { RegistryError } from "./errors";
import { negotiateManifest } from "./manifest-negotiation";
import { digestHex, isSha256Digest, parseReference } from "./names";
import { registryEmpty, registryResponse } from "./responses";

const manifestUnknown = (reference: string) =>
  new RegistryError("MANIFEST_UNKNOWN", `Manifest ${reference} is not in this repository.`);

/** GET/HEAD a manifest by tag or digest: the exact bytes pushed, with their media type and digest. */
export async function getManifest(
  request: Request,
  requester: RegistryRequester,
  name: string,
  reference: string,
) {
  const { repository } = await authorizeRepository(requester, name, "pull");
  if (!repository) throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  const ref = parseReference(reference);
  const found = !ref
    ? null
    : ref.kind === "tag"
      ? await findManifestByTag(repository.id, ref.tag)
      : await findManifestByDigest(repository.id, ref.digest);
  if (!found) throw manifestUnknown(reference);
  // A digest names exact bytes; only a tag is negotiated against the client's Accept header.
  const manifest =
    ref?.kind === "tag"
      ? await negotiateManifest(repository.id, found, request.headers.get("accept"))
      : found;
  return registryResponse(request, blobWebStream(digestHex(manifest.digest)), {
    headers: {
      "Content-Type": manifest.mediaType,
      "Content-Length": String(manifest.size),
      "Docker-Content-Digest": manifest.digest,
      ETag: `"${manifest.digest}"`,
    },
  });
}

/** DELETE by digest removes the manifest (and its tags); DELETE by tag removes only the tag. */
export async function deleteManifest(
  request: Request,
  requester: RegistryRequester,
  name: string,
  reference: string,
) {
  const { repository } = await authorizeRepository(requester, name, "delete");
  if (!repository) throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  const ref = parseReference(reference);
  const removedTags = !ref
    ? null
    : ref.kind === "tag"
      ? (await deleteTag(repository.id, ref.tag))
        ? [ref.tag]
        : null
      : isSha256Digest(ref.digest)
        ? ((await deleteManifestByDigest(repository.id, ref.digest))?.tags ?? null)
        : null;
  if (!removedTags) throw manifestUnknown(reference);
  try {
    await withdrawRegistryTags(name, removedTags);
  } catch (error) {
    // The delete itself succeeded; a catalog that lags behind can be rebuilt from the registry.
    console.error("[strata] registry delete hook failed", error);
  }
  await insertAudit({
    actorId: actorIdOf(requester.principal),
    action: ref?.kind === "tag" ? "registry.tag.delete" : "registry.manifest.delete",
    target: `image:${name}${ref?.kind === "tag" ? ":" : "@"}${reference}`,
  });
  return registryEmpty(request, 202);
}

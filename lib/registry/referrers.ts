import "server-only";

import { listReferrers } from "@/db/queries/registry-manifests";

import { authorizeRepository, type RegistryRequester } from "./access";
import { RegistryError } from "./errors";
import { mediaTypes } from "./manifest-format";
import { isDigest } from "./names";
import { registryJson } from "./responses";

/**
 * GET /v2/<name>/referrers/<digest>[?artifactType=]: an image index of the manifests whose
 * `subject` is `digest` (empty, never 404, when there are none).
 */
export async function getReferrers(
  request: Request,
  requester: RegistryRequester,
  name: string,
  digest: string,
) {
  const { repository } = await authorizeRepository(requester, name, "pull");
  if (!repository) throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  if (!isDigest(digest)) throw new RegistryError("DIGEST_INVALID", `"${digest}" is not a digest.`);
  const artifactType = new URL(request.url).searchParams.get("artifactType");
  const referrers = (await listReferrers(repository.id, digest)).filter(
    (r) => !artifactType || r.artifactType === artifactType,
  );
  const manifests = referrers.map((r) => ({
    mediaType: r.mediaType,
    digest: r.digest,
    size: r.size,
    ...(r.artifactType ? { artifactType: r.artifactType } : {}),
    ...(r.annotations ? { annotations: r.annotations } : {}),
  }));
  return registryJson(
    request,
    { schemaVersion: 2, mediaType: mediaTypes.ociIndex, manifests },
    {
      headers: {
        "Content-Type": mediaTypes.ociIndex,
        ...(artifactType ? { "OCI-Filters-Applied": "artifactType" } : {}),
      },
    },
  );
}

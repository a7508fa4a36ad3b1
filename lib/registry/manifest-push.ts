import "server-only";

import { createHash } from "node:crypto";
import { Readable } from "node:stream";

import { recordRegistryBlob } from "@/db/queries/registry";
import { insertManifest } from "@/db/queries/registry-manifests";
import { getBlobStore } from "@/lib/storage/blob-store";

import { authorizeRepository, type RegistryRequester } from "./access";
import { originOf } from "./blob-ingest";
import { describePush, onManifestPushed } from "./catalog-sync";
import { RegistryError } from "./errors";
import { manifestReferences, maxManifestBytes, parseManifest } from "./manifest-format";
import { digestHex, isTag, parseReference } from "./names";
import { readBoundedBody } from "./read-body";
import { registryEmpty } from "./responses";

/** Tags to set: the reference when it is a tag, plus `?tag=` parameters (OCI distribution-spec main). */
function tagsToSet(
  request: Request,
  reference: { kind: "tag"; tag: string } | { kind: "digest" },
): string[] {
  const extra = new URL(request.url).searchParams.getAll("tag");
  for (const tag of extra)
    if (!isTag(tag)) throw new RegistryError("MANIFEST_INVALID", `"${tag}" is not a valid tag.`);
  return [...new Set([...(reference.kind === "tag" ? [reference.tag] : []), ...extra])];
}

/**
 * PUT a manifest. The bytes are kept exactly (their sha256 is the digest); every blob and child
 * manifest they reference must already be in this repository, else MANIFEST_BLOB_UNKNOWN and
 * nothing changes.
 */
export async function putManifest(
  request: Request,
  requester: RegistryRequester,
  name: string,
  reference: string,
) {
  const { target } = await authorizeRepository(requester, name, "push");
  const ref = parseReference(reference);
  if (!ref)
    throw new RegistryError(
      "MANIFEST_INVALID",
      `"${reference}" is neither a valid tag nor a digest.`,
    );
  const bytes = await readBoundedBody(request, maxManifestBytes, "manifest");
  const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (ref.kind === "digest" && ref.digest !== digest) {
    throw new RegistryError(
      "DIGEST_INVALID",
      `The manifest's digest is ${digest}, not ${ref.digest}.`,
    );
  }
  const manifest = parseManifest(bytes, request.headers.get("content-type"));
  const tags = tagsToSet(request, ref);

  const store = getBlobStore();
  const origin = await originOf(digest);
  const storeBytes = () => store.write(Readable.from([bytes]), { sha256: digestHex(digest) });
  await storeBytes();
  await recordRegistryBlob({ digest, size: bytes.length, origin });
  const result = await insertManifest({
    repository: target,
    digest,
    mediaType: manifest.mediaType,
    size: bytes.length,
    blobOrigin: origin,
    subjectDigest: manifest.subject?.digest ?? null,
    artifactType: manifest.artifactType,
    annotations: manifest.annotations,
    refs: manifestReferences(manifest),
    tags,
  });
  if ("problem" in result) {
    const { problem } = result;
    if (problem.reason === "size") {
      throw new RegistryError(
        "MANIFEST_INVALID",
        `The size given for ${problem.digest} does not match the blob.`,
      );
    }
    throw new RegistryError(
      "MANIFEST_BLOB_UNKNOWN",
      `The manifest references ${problem.digest}, which is not in ${name}; push it first.`,
      {
        detail: { digest: problem.digest },
      },
    );
  }
  // Garbage collection may have removed identical unused bytes just before the manifest was recorded.
  if (!(await store.stat(digestHex(digest)))) await storeBytes();

  try {
    await onManifestPushed(
      await describePush({
        repository: target,
        tags,
        digest,
        size: bytes.length,
        manifest,
        principal: requester.principal,
      }),
    );
  } catch (error) {
    // The push itself succeeded; a catalog that lags behind can be rebuilt from the registry.
    console.error("[strata] registry push hook failed", error);
  }

  const headers: Record<string, string> = {
    Location: `/v2/${name}/manifests/${digest}`,
    "Docker-Content-Digest": digest,
  };
  if (manifest.subject) headers["OCI-Subject"] = manifest.subject.digest;
  if (new URL(request.url).searchParams.has("tag")) headers["OCI-Tag"] = tags.join(",");
  return registryEmpty(request, 201, headers);
}

import "server-only";

import { findManifestByDigest, type ManifestRecord } from "@/db/queries/registry-manifests";
import { getBlobStore } from "@/lib/storage/blob-store";

import { acceptsMediaType } from "./accept";
import { RegistryError } from "./errors";
import { isIndexMediaType, maxManifestBytes, parseManifest } from "./manifest-format";
import { digestHex } from "./names";

async function readManifestBytes(digest: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of getBlobStore().read(digestHex(digest))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The manifest to serve for a tag given the client's `Accept`. A client that does not accept an
 * index or manifest list gets its linux/amd64 image, as CNCF Distribution does for old clients;
 * otherwise a type the client cannot read is reported as unknown rather than sent anyway.
 */
export async function negotiateManifest(
  repositoryId: number,
  manifest: ManifestRecord,
  accept: string | null,
): Promise<ManifestRecord> {
  if (acceptsMediaType(accept, manifest.mediaType)) return manifest;
  if (isIndexMediaType(manifest.mediaType) && manifest.size <= maxManifestBytes) {
    const index = parseManifest(await readManifestBytes(manifest.digest), manifest.mediaType);
    const child = index.manifests.find(
      (m) =>
        m.platform?.os === "linux" &&
        m.platform.architecture === "amd64" &&
        acceptsMediaType(accept, m.mediaType),
    );
    const record = child ? await findManifestByDigest(repositoryId, child.digest) : null;
    if (record) return record;
  }
  throw new RegistryError(
    "MANIFEST_UNKNOWN",
    `The manifest is a ${manifest.mediaType}, which this client's Accept header does not include.`,
  );
}

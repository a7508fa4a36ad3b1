import "server-only";

import { createHash } from "node:crypto";
import { Readable } from "node:stream";

import { findRegistryRepository, recordRegistryBlob } from "@/db/queries/registry";
import {
  deleteTag,
  findManifestByDigest,
  findManifestByTag,
  insertManifest,
} from "@/db/queries/registry-manifests";
import { withdrawRegistryTags } from "@/lib/images/catalog/registry-sync";
import { originOf } from "@/lib/registry/blob-ingest";
import { describePush, onManifestPushed } from "@/lib/registry/catalog-sync";
import { parseManifest } from "@/lib/registry/manifest-format";
import { digestHex } from "@/lib/registry/names";
import { getBlobStore } from "@/lib/storage/blob-store";

// The registry side of a build: reading what a job pushed, and writing the multi-arch index that
// the node's tags then point at — the server's equivalent of `buildx imagetools create`.

const indexMediaType = "application/vnd.oci.image.index.v1+json";

async function readBlob(digest: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of getBlobStore().read(digestHex(digest))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The image a job pushed under its build-scoped tag: its digest and compressed size (config plus
 * layers, what a pull downloads). The tag is removed: from then on the image is known by digest.
 */
export async function takePushedImage(
  repository: string,
  stagingTag: string,
): Promise<{ digest: string; size: number } | null> {
  const repo = await findRegistryRepository(repository);
  const manifest = repo ? await findManifestByTag(repo.id, stagingTag) : null;
  if (!repo || !manifest) return null;
  const parsed = parseManifest(await readBlob(manifest.digest), manifest.mediaType);
  const size = (parsed.config?.size ?? 0) + parsed.layers.reduce((sum, l) => sum + l.size, 0);
  await deleteTag(repo.id, stagingTag);
  await withdrawRegistryTags(repository, [stagingTag]);
  return { digest: manifest.digest, size };
}

/**
 * Writes the OCI image index of per-arch images already in `repository` and points `tags` at it;
 * the catalog learns each arch's digest and size as from any push. Returns the index digest.
 */
export async function publishImageIndex(input: {
  repository: string;
  images: { arch: string; digest: string }[];
  tags: string[];
}): Promise<string> {
  const repo = await findRegistryRepository(input.repository);
  if (!repo) throw new Error(`The registry has no ${input.repository}.`);
  const children = [];
  for (const image of [...input.images].sort((a, b) => a.arch.localeCompare(b.arch))) {
    const manifest = await findManifestByDigest(repo.id, image.digest);
    if (!manifest) throw new Error(`${input.repository}@${image.digest} is not in the registry.`);
    children.push({
      mediaType: manifest.mediaType,
      digest: manifest.digest,
      size: manifest.size,
      platform: { architecture: image.arch, os: "linux" },
    });
  }
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: indexMediaType, manifests: children }),
  );
  const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  const origin = await originOf(digest);
  await getBlobStore().write(Readable.from([bytes]), { sha256: digestHex(digest) });
  await recordRegistryBlob({ digest, size: bytes.length, origin });
  const target = { name: repo.name, ownerId: repo.ownerId, isPrivate: repo.isPrivate };
  const result = await insertManifest({
    repository: target,
    digest,
    mediaType: indexMediaType,
    size: bytes.length,
    blobOrigin: origin,
    subjectDigest: null,
    artifactType: null,
    annotations: null,
    refs: children.map((c) => ({ digest: c.digest, kind: "manifest" as const, size: c.size })),
    tags: input.tags,
  });
  if ("problem" in result)
    throw new Error(`Cannot write the index of ${input.repository}: ${result.problem.digest}.`);
  await onManifestPushed(
    await describePush({
      repository: target,
      tags: input.tags,
      digest,
      size: bytes.length,
      manifest: parseManifest(bytes, indexMediaType),
      principal: { type: "anonymous" },
    }),
  );
  return digest;
}

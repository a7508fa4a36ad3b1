import "server-only";

import { insertAudit } from "@/db/queries/audit";
import type { NewRegistryRepository } from "@/db/queries/registry";
import { recordRegistryPush, type PushedArch } from "@/lib/images/catalog/registry-sync";
import { getBlobStore } from "@/lib/storage/blob-store";

import type { RegistryPrincipal } from "./access";
import { parseManifest, type Descriptor, type ParsedManifest } from "./manifest-format";
import { digestHex, isSha256Digest } from "./names";

/** One runnable image of a push: the manifest itself, or each platform of an index. */
type PushedPlatform = {
  digest: string;
  mediaType: string;
  os: string | null;
  architecture: string | null;
  variant: string | null;
  /** Compressed size: config plus layers, as `docker pull` downloads it. */
  size: number;
  /** The config's `created` time (ISO 8601), when it has one. */
  created: string | null;
  /** `config.Labels` of the image config. */
  labels: Record<string, string>;
};

/** What the image-center catalog needs to know after every successful manifest push. */
export type ManifestPushedEvent = {
  repository: string;
  /** Tags this push set (empty for a push by digest). */
  tags: string[];
  digest: string;
  mediaType: string;
  size: number;
  pushedAt: Date;
  pushedBy: { type: "user"; userId: number } | { type: "job"; jobId: string } | null;
  /** The registry repository's owner and visibility (the catalog entry gets the same). */
  ownerId: number;
  isPrivate: boolean;
  platforms: PushedPlatform[];
  annotations: Record<string, string>;
};

const maxJsonBlob = 8 * 1024 * 1024;

async function readSmallBlob(digest: string): Promise<Buffer | null> {
  if (!isSha256Digest(digest)) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of getBlobStore().read(digestHex(digest))) {
      size += (chunk as Buffer).length;
      if (size > maxJsonBlob) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}

async function readJsonBlob(digest: string): Promise<unknown> {
  const bytes = await readSmallBlob(digest);
  try {
    return bytes ? (JSON.parse(bytes.toString("utf8")) as unknown) : null;
  } catch {
    return null;
  }
}

type ImageConfig = {
  os?: string;
  architecture?: string;
  variant?: string;
  created?: string;
  config?: { Labels?: Record<string, string> | null };
};

async function describeImage(
  descriptor: Pick<Descriptor, "digest" | "mediaType" | "platform">,
  manifest: ParsedManifest,
) {
  const config = manifest.config
    ? ((await readJsonBlob(manifest.config.digest)) as ImageConfig | null)
    : null;
  const layers = manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
  const labels = config?.config?.Labels;
  return {
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    os: descriptor.platform?.os ?? config?.os ?? null,
    architecture: descriptor.platform?.architecture ?? config?.architecture ?? null,
    variant: descriptor.platform?.variant ?? config?.variant ?? null,
    size: (manifest.config?.size ?? 0) + layers,
    created: typeof config?.created === "string" ? config.created : null,
    labels: labels && typeof labels === "object" ? labels : {},
  } satisfies PushedPlatform;
}

/** Builds the push event: per-platform sizes and labels, read from the stored manifests and configs. */
export async function describePush(input: {
  repository: NewRegistryRepository;
  tags: string[];
  digest: string;
  size: number;
  manifest: ParsedManifest;
  principal: RegistryPrincipal;
}): Promise<ManifestPushedEvent> {
  const { manifest } = input;
  const platforms: PushedPlatform[] = [];
  if (manifest.kind === "image") {
    platforms.push(
      await describeImage({ digest: input.digest, mediaType: manifest.mediaType }, manifest),
    );
  } else {
    for (const child of manifest.manifests) {
      // buildx attaches provenance as `unknown/unknown` children; they are not runnable images.
      if (child.platform?.os === "unknown") continue;
      const bytes = await readSmallBlob(child.digest);
      if (!bytes) continue;
      try {
        const parsed = parseManifest(bytes, child.mediaType);
        if (parsed.kind === "image") platforms.push(await describeImage(child, parsed));
      } catch {
        // Not an image manifest (an artifact): nothing to list in the catalog.
      }
    }
  }
  const { principal } = input;
  return {
    repository: input.repository.name,
    ownerId: input.repository.ownerId,
    isPrivate: input.repository.isPrivate,
    tags: input.tags,
    digest: input.digest,
    mediaType: manifest.mediaType,
    size: input.size,
    pushedAt: new Date(),
    pushedBy:
      principal.type === "user"
        ? { type: "user", userId: principal.caller.id }
        : principal.type === "job"
          ? { type: "job", jobId: principal.jobId }
          : null,
    platforms,
    annotations: manifest.annotations ?? {},
  };
}

/**
 * The catalog's per-architecture entries: runnable Linux images, `arm64/v8` written as plain
 * `arm64` (what the catalog and its filters call it), one entry per architecture.
 */
function archesOf(platforms: PushedPlatform[]): PushedArch[] {
  const arches = new Map<string, PushedArch>();
  for (const p of platforms) {
    if (!p.architecture || (p.os !== null && p.os !== "linux")) continue;
    const variant =
      p.variant && !(p.architecture === "arm64" && p.variant === "v8") ? p.variant : null;
    const arch = variant ? `${p.architecture}/${variant}` : p.architecture;
    if (!arches.has(arch)) arches.set(arch, { arch, digest: p.digest, size: p.size });
  }
  return [...arches.values()];
}

/** The newest `created` of the platforms; configs without one (or with nonsense) give null. */
function createdOf(platforms: PushedPlatform[]): Date | null {
  const times = platforms
    .map((p) => (p.created ? Date.parse(p.created) : Number.NaN))
    .filter((t) => Number.isFinite(t));
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Labels of all platforms; where they disagree, the first platform's value counts. */
function labelsOf(platforms: PushedPlatform[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const p of platforms)
    for (const [key, value] of Object.entries(p.labels))
      if (typeof value === "string" && !(key in labels)) labels[key] = value;
  return labels;
}

/**
 * Called after every successful manifest push: each tag it set becomes (or updates) an entry of
 * the image center, available in this registry, and the push is audited.
 */
export async function onManifestPushed(event: ManifestPushedEvent): Promise<void> {
  await insertAudit({
    actorId: event.pushedBy?.type === "user" ? event.pushedBy.userId : null,
    action: "registry.push",
    target: `image:${event.repository}@${event.digest}`,
    details: { tags: event.tags, mediaType: event.mediaType, platforms: event.platforms.length },
  });
  const arches = archesOf(event.platforms);
  const created = createdOf(event.platforms);
  const labels = labelsOf(event.platforms);
  for (const tag of event.tags) {
    await recordRegistryPush({
      repository: event.repository,
      tag,
      digest: event.digest,
      mediaType: event.mediaType,
      arches,
      created,
      labels,
      pushedAt: event.pushedAt,
      ownerId: event.ownerId,
      isPrivate: event.isPrivate,
    });
  }
}

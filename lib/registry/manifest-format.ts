import { z } from "zod";

import type { ManifestRef } from "@/db/queries/registry-manifests";

import { RegistryError } from "./errors";
import { isDigest } from "./names";

export const mediaTypes = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
} as const;

/** The spec asks for at least 4 MB; larger manifests are refused with 413. */
export const maxManifestBytes = 4 * 1024 * 1024;

const imageTypes: string[] = [mediaTypes.ociManifest, mediaTypes.dockerManifest];
const indexTypes: string[] = [mediaTypes.ociIndex, mediaTypes.dockerManifestList];
const manifestMediaTypes = [...imageTypes, ...indexTypes];

export function isIndexMediaType(mediaType: string): boolean {
  return indexTypes.includes(mediaType);
}

/** Layers stored elsewhere (Windows base layers); they are not expected in this registry. */
const foreignLayerTypes = new Set([
  "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
  "application/vnd.oci.image.layer.nondistributable.v1.tar",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
]);

const annotationsSchema = z.record(z.string(), z.string());

const platformSchema = z.looseObject({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
});

const descriptorSchema = z.looseObject({
  mediaType: z.string().min(1),
  digest: z.string().refine(isDigest, "must be a digest such as sha256:<hex>"),
  size: z.number().int().nonnegative(),
  urls: z.array(z.string()).optional(),
  annotations: annotationsSchema.optional(),
  artifactType: z.string().optional(),
  platform: platformSchema.optional(),
});

export type Descriptor = z.infer<typeof descriptorSchema>;

const manifestSchema = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: descriptorSchema.optional(),
  layers: z.array(descriptorSchema).optional(),
  manifests: z.array(descriptorSchema).optional(),
  subject: descriptorSchema.optional(),
  annotations: annotationsSchema.optional(),
});

export type ParsedManifest = {
  mediaType: string;
  kind: "image" | "index";
  config: Descriptor | null;
  layers: Descriptor[];
  manifests: Descriptor[];
  subject: Descriptor | null;
  /** For referrers: the manifest's artifactType, else (image manifests) its config's media type. */
  artifactType: string | null;
  annotations: Record<string, string> | null;
};

const invalid = (message: string) => new RegistryError("MANIFEST_INVALID", message);

function mediaTypeOf(contentType: string | null): string | null {
  const value = contentType?.split(";")[0]?.trim().toLowerCase();
  return value || null;
}

/**
 * Validates a pushed manifest: an OCI image manifest or index, or a Docker schema 2 manifest or
 * manifest list, whose `mediaType` (when present) agrees with the request's Content-Type.
 */
export function parseManifest(bytes: Buffer, contentType: string | null): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw invalid("The manifest is not valid JSON.");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      `The manifest is not valid: ${issue?.path.join(".") || "manifest"}: ${issue?.message ?? "invalid"}.`,
    );
  }
  const manifest = parsed.data;
  const declared = mediaTypeOf(contentType);
  if (manifest.mediaType && declared && manifest.mediaType !== declared) {
    throw invalid(
      `Content-Type ${declared} does not match the manifest's mediaType ${manifest.mediaType}.`,
    );
  }
  const mediaType = manifest.mediaType ?? declared;
  if (!mediaType || !manifestMediaTypes.includes(mediaType)) {
    throw invalid(
      `Unsupported manifest type ${mediaType ?? "(none)"}: push an OCI image manifest or index, or a Docker schema 2 manifest or manifest list.`,
    );
  }
  const kind = isIndexMediaType(mediaType) ? "index" : "image";
  if (kind === "image" && (!manifest.config || !manifest.layers)) {
    throw invalid("An image manifest needs a config descriptor and a layers array.");
  }
  if (kind === "index" && !manifest.manifests)
    throw invalid("An image index needs a manifests array.");
  return {
    mediaType,
    kind,
    config: manifest.config ?? null,
    layers: manifest.layers ?? [],
    manifests: manifest.manifests ?? [],
    subject: manifest.subject ?? null,
    artifactType:
      manifest.artifactType ?? (kind === "image" ? (manifest.config?.mediaType ?? null) : null),
    annotations: manifest.annotations ?? null,
  };
}

/** What must already be in the repository for the manifest to be accepted (the subject need not be). */
export function manifestReferences(manifest: ParsedManifest): ManifestRef[] {
  const refs: ManifestRef[] = [];
  if (manifest.config)
    refs.push({ digest: manifest.config.digest, kind: "config", size: manifest.config.size });
  for (const layer of manifest.layers) {
    if (foreignLayerTypes.has(layer.mediaType) && layer.urls?.length) continue;
    refs.push({ digest: layer.digest, kind: "layer", size: layer.size });
  }
  for (const child of manifest.manifests)
    refs.push({ digest: child.digest, kind: "manifest", size: child.size });
  return refs;
}

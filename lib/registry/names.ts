import { RegistryError } from "./errors";

// The grammars of the OCI Distribution spec.
const nameComponent = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
const repositoryNamePattern = new RegExp(`^${nameComponent}(?:/${nameComponent})*$`);
const tagPattern = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const sha256DigestPattern = /^sha256:[0-9a-f]{64}$/;

/** `host/name` should stay within 255 characters; leave room for a long host name. */
const maxNameLength = 200;

export function isRepositoryName(name: string): boolean {
  return name.length > 0 && name.length <= maxNameLength && repositoryNamePattern.test(name);
}

export function assertRepositoryName(name: string): void {
  if (!isRepositoryName(name)) {
    throw new RegistryError(
      "NAME_INVALID",
      `Invalid repository name "${name.slice(0, maxNameLength)}": use lower-case letters, digits and separators (. _ __ -) in path components such as "alice/my-image".`,
    );
  }
}

export function isTag(value: string): boolean {
  return tagPattern.test(value);
}

/** Any well-formed digest (`algorithm:encoded`), whichever the algorithm. */
export function isDigest(value: string): boolean {
  return value.length <= 256 && digestPattern.test(value);
}

export function isSha256Digest(value: string): boolean {
  return sha256DigestPattern.test(value);
}

/** The blob store's key for a `sha256:<hex>` digest. */
export function digestHex(digest: string): string {
  return digest.slice("sha256:".length);
}

/**
 * A digest a client wants to store: well-formed and sha256, the only algorithm the blob store
 * addresses by.
 */
export function assertUploadDigest(value: string | null): string {
  if (!value || !isDigest(value)) {
    throw new RegistryError(
      "DIGEST_INVALID",
      "Send the blob's digest as ?digest=sha256:<64 hex digits>.",
    );
  }
  if (!isSha256Digest(value)) {
    throw new RegistryError("UNSUPPORTED", "This registry stores sha256 digests only.", {
      status: 400,
    });
  }
  return value;
}

export type Reference = { kind: "tag"; tag: string } | { kind: "digest"; digest: string };

/** A manifest reference: a digest when it contains ':', otherwise a tag; null when neither is valid. */
export function parseReference(value: string): Reference | null {
  if (value.includes(":")) return isDigest(value) ? { kind: "digest", digest: value } : null;
  return isTag(value) ? { kind: "tag", tag: value } : null;
}

import { maxLfsPointerBytes } from "@/lib/hub/limits";

/**
 * Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): a few
 * `key value` lines, `version` first, keys sorted, each line ending in '\n', under 1024 bytes.
 */

export type LfsPointer = { oid: string; size: number };

const versionLine = "version https://git-lfs.github.com/spec/v1";

/** Smallest plausible pointer: version + oid + "size 0" lines. */
const minLfsPointerBytes =
  versionLine.length + 1 + "oid sha256:".length + 64 + 1 + "size 0".length + 1;

export function formatLfsPointer({ oid, size }: LfsPointer): string {
  return `${versionLine}\noid sha256:${oid}\nsize ${size}\n`;
}

/** Whether a blob of this size could be a pointer (cheap test before reading it). */
export function mayBeLfsPointer(size: number): boolean {
  return size >= minLfsPointerBytes && size < maxLfsPointerBytes;
}

/** Parses pointer text; null when the bytes are not a valid LFS pointer. */
export function parseLfsPointer(data: Uint8Array | string): LfsPointer | null {
  const size = typeof data === "string" ? data.length : data.byteLength;
  if (!mayBeLfsPointer(size)) return null;
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  if (!text.startsWith(`${versionLine}\n`)) return null;
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  let oid: string | null = null;
  let bytes: number | null = null;
  for (const line of lines.slice(1)) {
    const space = line.indexOf(" ");
    if (space <= 0) return null;
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "oid") {
      const match = /^sha256:([0-9a-f]{64})$/.exec(value);
      if (!match) return null;
      oid = match[1]!;
    } else if (key === "size") {
      if (!/^\d{1,16}$/.test(value)) return null;
      bytes = Number(value);
    } else if (!/^[a-z0-9.-]+$/.test(key)) {
      return null;
    }
  }
  return oid !== null && bytes !== null && Number.isSafeInteger(bytes)
    ? { oid, size: bytes }
    : null;
}

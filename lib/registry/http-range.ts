import type { ByteRange } from "@/lib/storage/blob-store";

/**
 * A single `Range: bytes=…` of a blob of `size` bytes: the range, null to send the whole blob
 * (no header, several ranges, or another unit), or "unsatisfiable".
 */
export function parseByteRange(
  header: string | null,
  size: number,
): ByteRange | null | "unsatisfiable" {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/**
 * A chunked upload's `Content-Range: <start>-<end>` (inclusive; some clients prefix `bytes=` or
 * `bytes `); null when absent, "invalid" when malformed.
 */
export function parseContentRange(header: string | null): ByteRange | null | "invalid" {
  if (header === null || header.trim() === "") return null;
  const match = header.trim().match(/^(?:bytes[ =])?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/);
  if (!match) return "invalid";
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end < start ? "invalid" : { start, end };
}

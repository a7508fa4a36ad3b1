import type { ByteRange } from "@/lib/storage/blob-store";

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

import "server-only";

import { Readable } from "node:stream";

import type { ByteRange } from "@/lib/storage/blob-store";

import { parseByteRange } from "./byte-range";
import { contentLengthPassthrough } from "./content-length";

/** A Node stream (git output) or a web stream (`blobWebStream`, the fast path for large files). */
type FileBody = Readable | ReadableStream<Uint8Array>;

export type ServedFile = {
  size: number;
  /** Strong validator, without quotes (a git oid or sha256). */
  etag?: string;
  contentType: string;
  /** Offered as the download name. */
  filename?: string;
  disposition?: "inline" | "attachment";
  /** Opens the bytes, or a range of them; called only when a body is sent. */
  open: (range?: ByteRange) => FileBody | Promise<FileBody>;
  headers?: Record<string, string>;
};

/** `attachment; filename="x"; filename*=UTF-8''x` — the ASCII fallback keeps old clients happy. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A file download the way browsers and hub clients expect it: HEAD without a body, single byte
 * ranges (206, or 416 with the size), ETag / If-None-Match, an exact Content-Length, and a body
 * streamed from disk that stops reading when the client goes away.
 */
export async function fileResponse(request: Request, file: ServedFile): Promise<Response> {
  const etag = file.etag ? `"${file.etag}"` : undefined;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": file.contentType,
    "X-Content-Type-Options": "nosniff",
    ...file.headers,
  });
  if (etag) headers.set("ETag", etag);
  if (file.filename)
    headers.set(
      "Content-Disposition",
      contentDisposition(file.disposition ?? "attachment", file.filename),
    );

  if (
    etag &&
    request.headers
      .get("if-none-match")
      ?.split(",")
      .some((v) => v.trim() === etag)
  ) {
    return new Response(null, { status: 304, headers });
  }

  const range = parseByteRange(request.headers.get("range"), file.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  const ifRange = request.headers.get("if-range");
  const useRange = range && (!ifRange || ifRange === etag) ? range : null;
  const length = useRange ? useRange.end - useRange.start + 1 : file.size;
  headers.set(contentLengthPassthrough, String(length));
  if (useRange)
    headers.set("Content-Range", `bytes ${useRange.start}-${useRange.end}/${file.size}`);
  const status = useRange ? 206 : 200;

  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });
  const body = await file.open(useRange ?? undefined);
  const stream =
    body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : body;
  return new Response(stream, { status, headers });
}

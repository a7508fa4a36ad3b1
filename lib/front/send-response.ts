import fs from "node:fs";
import type http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

import { fileBehind } from "@/lib/storage/blob-web-stream";

// Next drops these from route handler responses (its `send-response.js`): a fetched body may have
// been decoded. Routes that know their exact length say so in `x-strata-content-length`, which the
// patched `writeHead` (lib/http/content-length.ts) turns back into Content-Length.
const framingHeaders = new Set(["content-length", "content-encoding", "transfer-encoding"]);

/**
 * Writes a route handler's `Response` the way Next does (same headers, no body for HEAD), except
 * that a body which is a stored file goes out through `fs.createReadStream` piped to the socket,
 * with no web-stream adapter in between.
 */
export async function sendResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  response: Response,
): Promise<void> {
  res.statusCode = response.status;
  for (const cookie of response.headers.getSetCookie()) res.appendHeader("set-cookie", cookie);
  response.headers.forEach((value, name) => {
    if (framingHeaders.has(name) || name === "set-cookie") return;
    res.setHeader(name, value);
  });
  const body = response.body;
  if (!body || req.method === "HEAD") {
    await body?.cancel();
    res.end();
    return;
  }
  const file = fileBehind(body);
  if (file) {
    await body.cancel();
    // 1 MiB reads, as blobWebStream does (bench/README.md: larger ones were not faster).
    const stream = fs.createReadStream(file.path, {
      start: file.start,
      end: file.end,
      highWaterMark: 1024 * 1024,
    });
    await pipeline(stream, res).catch(() => res.destroy());
    return;
  }
  await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), res).catch(() =>
    res.destroy(),
  );
}

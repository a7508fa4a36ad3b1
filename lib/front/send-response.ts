import fs from "node:fs";
import type http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

import { nodeStreamBehind } from "@/lib/http/node-exchange";
import { fileBehind } from "@/lib/storage/blob-web-stream";

// Next drops these from route handler responses (its `send-response.js`): a fetched body may have
// been decoded. Routes that know their exact length say so in `x-strata-content-length`, which the
// patched `writeHead` (lib/http/content-length.ts) turns back into Content-Length.
const framingHeaders = new Set(["content-length", "content-encoding", "transfer-encoding"]);

/**
 * Writes a route handler's `Response` the way Next does (same headers, no body for HEAD), except
 * that a body which is a stored file goes out through `fs.createReadStream` piped to the socket,
 * and one that stands for a Node stream (the Space app proxy's answer) is piped as it is, with no
 * web-stream adapter in between.
 */
export async function sendResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  response: Response,
): Promise<void> {
  const body = response.body;
  // A Node stream's bytes go out untouched, so its Content-Encoding stays true.
  const nodeStream = nodeStreamBehind(body);
  res.statusCode = response.status;
  for (const cookie of response.headers.getSetCookie()) res.appendHeader("set-cookie", cookie);
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    if (framingHeaders.has(name) && !(nodeStream && name === "content-encoding")) return;
    res.setHeader(name, value);
  });
  if (!body || req.method === "HEAD") {
    await body?.cancel();
    res.end();
    return;
  }
  if (nodeStream) {
    await pipeline(nodeStream, res).catch(() => res.destroy());
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

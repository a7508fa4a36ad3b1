import fs from "node:fs";
import type http from "node:http";
import { pipeline } from "node:stream/promises";

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
  await writeBody(res, body);
}

/** Resolves when the response can take more, or is closed. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Copies a web-stream body to the response, chunk by chunk, waiting for the socket when it is
 * behind. Same framing as piping it (Next's way), without `Readable.fromWeb` and `pipeline`, whose
 * adapter streams and abort signals cost more than the small JSON answers of the runner protocol
 * themselves. A client gone away cancels the body; a body that fails cuts the connection.
 */
async function writeBody(res: http.ServerResponse, body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  // Also ends a read that waits for a chunk that may never come (a stream that follows a log).
  const gone = () => {
    if (!res.writableFinished) reader.cancel().catch(() => {});
  };
  res.once("close", gone);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    if (res.destroyed) await reader.cancel();
    else res.end();
  } catch {
    res.destroy();
    await reader.cancel().catch(() => {});
  } finally {
    res.off("close", gone);
  }
}

import type http from "node:http";

import { attachNodeRequest } from "@/lib/http/node-exchange";

/**
 * The request body as a web stream fed straight from the socket, pausing it while the consumer
 * is behind (cheaper than `Readable.toWeb`, which moves data in small steps).
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  // Once closed, errored or cancelled, a stream takes nothing more.
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const finish = (error?: Error) => {
          if (done) return;
          done = true;
          if (error) controller.error(error);
          else controller.close();
        };
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => finish());
        req.once("error", (error) => finish(error));
        req.once("close", () => {
          if (!req.complete)
            finish(new Error("The client went away before sending the whole body."));
        });
      },
      pull() {
        req.resume();
      },
      // The rest is read and dropped, as Node does for a body nobody read, so the answer (a 413,
      // say) still reaches the client on an intact connection.
      cancel() {
        done = true;
        req.resume();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1024 * 1024 }),
  );
}

/**
 * A Node request as the web `Request` route handlers take. Its signal aborts only when the client
 * goes away before the response is finished, as in Next. With `nodeBody`, the body is left on the
 * Node request, attached for the handler to pipe (lib/http/node-exchange.ts).
 */
export function toWebRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
  options: { nodeBody?: boolean } = {},
): Request {
  const aborted = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && !options.nodeBody;
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    duplex: "half",
    signal: aborted.signal,
  } as RequestInit);
  return options.nodeBody ? attachNodeRequest(request, req) : request;
}

import type http from "node:http";
import { Readable } from "node:stream";

/**
 * Node's own request and response objects behind the web ones a route handler sees, for handlers
 * that stream straight between sockets when the protocol front serves them (the Space app proxy):
 * the front hands such a route a `Request` without a web body and with its Node request attached,
 * and the handler answers with a body that stands for a Node stream, which the front pipes to the
 * socket. Under Next neither exists, and the same handler takes the web path.
 */
const nodeRequests = new WeakMap<Request, http.IncomingMessage>();
const nodeBodies = new WeakMap<ReadableStream<Uint8Array>, Readable>();

export function attachNodeRequest(request: Request, req: http.IncomingMessage): Request {
  nodeRequests.set(request, req);
  return request;
}

/** The Node request whose body this `Request` leaves unread, when the front serves it. */
export function nodeRequestBehind(request: Request): http.IncomingMessage | undefined {
  return nodeRequests.get(request);
}

/**
 * A response body standing for a Node stream. Read as a web stream only if someone other than
 * the front reads it; nothing is taken from the Node stream before that (no read-ahead), so the
 * front can pipe it whole.
 */
export function nodeBody(stream: Readable): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= (Readable.toWeb(stream) as ReadableStream<Uint8Array>).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() {
        stream.destroy();
      },
    },
    { highWaterMark: 0 },
  );
  nodeBodies.set(body, stream);
  return body;
}

/** The Node stream behind a body made by `nodeBody`, if it is one. */
export function nodeStreamBehind(body: ReadableStream<Uint8Array> | null): Readable | undefined {
  return body ? nodeBodies.get(body) : undefined;
}

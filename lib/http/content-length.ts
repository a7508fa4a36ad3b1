import http from "node:http";

/**
 * Next.js drops `Content-Length` from route handler responses (`server/send-response.js` strips it,
 * together with the framing headers, because a fetched body may have been decoded). Protocol
 * clients need it: a registry must answer HEAD with Content-Length, and docker refuses a blob HEAD
 * without one. A route that knows the exact length of the bytes it sends also sets this header;
 * the patch below turns it back into `Content-Length` as the headers go out.
 */
export const contentLengthPassthrough = "x-strata-content-length";

const installed = Symbol.for("strata.contentLengthPassthrough");

/** Call once per server process (from `instrumentation.ts`). Only responses that opt in are touched. */
export function installContentLengthPassthrough(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [installed]?: true };
  if (proto[installed]) return;
  // Called with the response as `this`, exactly as Node calls the original.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    const length = this.getHeader(contentLengthPassthrough);
    if (length !== undefined) {
      this.removeHeader(contentLengthPassthrough);
      // A compressed or chunked body has another length; then the header must stay out.
      const framed = this.hasHeader("content-encoding") || this.hasHeader("transfer-encoding");
      if (!framed && /^\d+$/.test(String(length))) this.setHeader("content-length", String(length));
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  proto[installed] = true;
}

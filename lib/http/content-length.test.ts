import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { contentLengthPassthrough, installContentLengthPassthrough } from "./content-length";

let server: http.Server;
let base: string;

beforeAll(async () => {
  installContentLengthPassthrough();
  installContentLengthPassthrough(); // idempotent
  server = http.createServer((req, res) => {
    // As Next.js does: headers copied without Content-Length, then the body written in chunks.
    res.setHeader(contentLengthPassthrough, "10");
    if (req.url === "/gzip") res.setHeader("content-encoding", "gzip");
    if (req.method === "HEAD") return res.end();
    res.flushHeaders();
    res.write("01234");
    res.end("56789");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function request(method: string, path: string): Promise<http.IncomingMessage & { body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(Object.assign(res, { body })));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Content-Length passthrough", () => {
  it("sends the opted-in length on GET and HEAD instead of chunked framing", async () => {
    const get = await request("GET", "/");
    expect(get.headers["content-length"]).toBe("10");
    expect(get.headers["transfer-encoding"]).toBeUndefined();
    expect(get.headers[contentLengthPassthrough]).toBeUndefined();
    expect(get.body).toBe("0123456789");
    const head = await request("HEAD", "/");
    expect(head.headers["content-length"]).toBe("10");
  });

  it("leaves compressed responses alone", async () => {
    const gzip = await request("HEAD", "/gzip");
    expect(gzip.headers["content-length"]).toBeUndefined();
    expect(gzip.headers[contentLengthPassthrough]).toBeUndefined();
  });
});

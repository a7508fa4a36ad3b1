import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { contentLengthPassthrough } from "./content-length";
import { contentDisposition, fileResponse } from "./file-response";

const data = Buffer.from("0123456789");
const file = {
  size: data.length,
  etag: "abc",
  contentType: "text/plain",
  filename: "数字.txt",
  open: (range?: { start: number; end: number }) =>
    Readable.from([range ? data.subarray(range.start, range.end + 1) : data]),
};
const request = (headers: Record<string, string> = {}, method = "GET") =>
  new Request("http://x/f", { method, headers });

describe("fileResponse", () => {
  it("sends the whole file with its length, validator and name", async () => {
    const response = await fileResponse(request(), file);
    expect(response.status).toBe(200);
    expect(response.headers.get(contentLengthPassthrough)).toBe("10");
    expect(response.headers.get("etag")).toBe('"abc"');
    expect(response.headers.get("content-disposition")).toBe(
      contentDisposition("attachment", "数字.txt"),
    );
    expect(await response.text()).toBe("0123456789");
  });

  it("answers ranges with 206 and bad ranges with 416", async () => {
    const partial = await fileResponse(request({ range: "bytes=2-4" }), file);
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 2-4/10");
    expect(await partial.text()).toBe("234");
    const bad = await fileResponse(request({ range: "bytes=20-" }), file);
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe("bytes */10");
  });

  it("answers HEAD without a body and a matching If-None-Match with 304", async () => {
    const head = await fileResponse(request({}, "HEAD"), file);
    expect(head.headers.get(contentLengthPassthrough)).toBe("10");
    expect(await head.text()).toBe("");
    expect((await fileResponse(request({ "if-none-match": '"abc"' }), file)).status).toBe(304);
  });

  it("ignores a range whose If-Range validator is stale", async () => {
    const response = await fileResponse(request({ range: "bytes=0-1", "if-range": '"old"' }), file);
    expect(response.status).toBe(200);
  });
});

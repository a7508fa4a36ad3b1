import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { readNdjson } from "./ndjson";

function chunks(...parts: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  return Readable.from(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
}

async function collect(stream: AsyncIterable<Uint8Array>, maxLineBytes = 1024) {
  const out: { value: unknown; line: number }[] = [];
  for await (const item of readNdjson(stream, { maxLineBytes })) out.push(item);
  return out;
}

describe("readNdjson", () => {
  it("parses lines split anywhere across chunks, with CRLF, blank lines and no final newline", async () => {
    const text = '{"a":1}\r\n\n{"b":"é"}\n{"c":[1,2]}';
    const bytes = Buffer.from(text);
    // Every split point, including inside the multi-byte "é".
    for (let cut = 0; cut <= bytes.length; cut++) {
      const result = await collect(chunks(bytes.subarray(0, cut), bytes.subarray(cut)));
      expect(result).toEqual([
        { value: { a: 1 }, line: 1 },
        { value: { b: "é" }, line: 3 },
        { value: { c: [1, 2] }, line: 4 },
      ]);
    }
  });

  it("refuses a line longer than the limit before the line ends", async () => {
    let produced = 0;
    function* endless(): Generator<Buffer> {
      yield Buffer.from('{"ok":true}\n{"big":"');
      for (;;) {
        produced += 100;
        yield Buffer.alloc(100, 0x61);
      }
    }
    const error = await collect(Readable.from(endless()), 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large");
    expect((error as AppError).message).toContain("Line 2");
    expect(produced).toBeLessThan(1200);
  });

  it("names the line that is not JSON", async () => {
    const error = await collect(chunks('{"a":1}\n{nope}\n')).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("bad_request");
    expect((error as AppError).message).toBe("Line 2 of the body is not valid JSON.");
  });
});

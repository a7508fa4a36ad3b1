import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";

import { FileBlobStore } from "./blob-store";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

describe("FileBlobStore", () => {
  let root: string;
  let store: FileBlobStore;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    store = new FileBlobStore(root);
  });

  const tempFiles = () => fs.readdirSync(path.join(root, "tmp"));

  it("writes a stream under its sha256 and reads it back, also by range", async () => {
    const info = await store.write(Readable.from(["hello ", "world"]));
    expect(info).toEqual({ sha256: sha("hello world"), size: 11 });
    expect(store.localPath(info.sha256)).toContain(
      `/sha256/${info.sha256.slice(0, 2)}/${info.sha256.slice(2, 4)}/`,
    );
    expect(await text(store.read(info.sha256))).toBe("hello world");
    expect(await text(store.read(info.sha256, { start: 6, end: 10 }))).toBe("world");
    expect(tempFiles()).toEqual([]);
  });

  it("refuses a digest or size mismatch and leaves nothing behind", async () => {
    await expect(store.write(Readable.from(["abc"]), { sha256: sha("xyz") })).rejects.toThrow(
      /Digest mismatch/,
    );
    await expect(store.write(Readable.from(["abc"]), { size: 4 })).rejects.toThrow(/Size mismatch/);
    await expect(store.write(Readable.from(["abcdef"]), { maxSize: 3 })).rejects.toThrow(
      /larger than/,
    );
    expect(await store.stat(sha("abc"))).toBeNull();
    expect(tempFiles()).toEqual([]);
  });

  it("leaves no partial blob when the source fails midway", async () => {
    async function* broken() {
      yield Buffer.from("partial");
      await Promise.resolve();
      throw new Error("connection reset");
    }
    await expect(store.write(broken())).rejects.toThrow("connection reset");
    expect(tempFiles()).toEqual([]);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([]);
  });

  it("adopts a finished temp file after verifying it, lists and deletes blobs", async () => {
    const temp = store.tempPath();
    fs.writeFileSync(temp, "layer");
    await expect(store.adopt(temp, { sha256: sha("other") })).rejects.toThrow(/Digest mismatch/);
    const info = await store.adopt(temp, { sha256: sha("layer") });
    expect(info.size).toBe(5);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob.sha256);
    expect(listed).toEqual([sha("layer")]);
    expect(await store.delete(info.sha256)).toBe(true);
    expect(await store.stat(info.sha256)).toBeNull();
  });

  it("adopts a file hashed by the caller without reading it again, still checking the size", async () => {
    const temp = store.tempPath();
    fs.writeFileSync(temp, "weights");
    await expect(
      store.adopt(temp, { sha256: sha("weights"), size: 99, trusted: true }),
    ).rejects.toThrow(/Size mismatch/);
    expect(await store.adopt(temp, { sha256: sha("weights"), size: 7, trusted: true })).toEqual({
      sha256: sha("weights"),
      size: 7,
    });
    expect(await text(store.read(sha("weights")))).toBe("weights");
  });

  it("rejects malformed digests", () => {
    expect(() => store.read("../../etc/passwd")).toThrow(/Invalid sha256/);
  });
});

import { randomBytes } from "node:crypto";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { getBlobStore } from "@/lib/storage/blob-store";

import { call, digestOf, errorCode, makeAccount, type TestAccount } from "./test-support";
import { forgetUploadHash } from "./upload-hashes";

// Uploads are hashed as they stream in, so that closing one does not read the file again; when
// the running hash cannot be trusted to cover every byte, the file is read and hashed as before.

let alice: TestAccount;
let repo: string;

beforeAll(async () => {
  alice = await makeAccount("write");
  repo = `${alice.user.name}/hashing`;
});

afterEach(() => vi.restoreAllMocks());

function watchAdopt() {
  return vi.spyOn(getBlobStore(), "adopt");
}

const trustedFlags = (spy: ReturnType<typeof watchAdopt>) =>
  spy.mock.calls.map(([, expect]) => expect.trusted ?? false);

async function start(): Promise<string> {
  const response = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
  expect(response.status).toBe(202);
  return response.headers.get("location")!;
}

async function patch(location: string, bytes: Buffer, range?: string): Promise<Response> {
  return call("PATCH", location, {
    auth: alice.auth,
    body: bytes,
    headers: range ? { "Content-Range": range } : {},
  });
}

async function readBlob(digest: string): Promise<Buffer> {
  const response = await call("GET", `/v2/${repo}/blobs/${digest}`, { auth: alice.auth });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("upload digests", () => {
  it("come from the stream for docker's single PATCH, without reading the file again", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const adopt = watchAdopt();
    const location = await start();
    const streamed = await patch(location, bytes);
    expect(streamed.status).toBe(202);
    const put = await call("PUT", `${location}?digest=${digestOf(bytes)}`, { auth: alice.auth });
    expect(put.status).toBe(201);
    expect(trustedFlags(adopt)).toEqual([true]);
    expect((await readBlob(digestOf(bytes))).equals(bytes)).toBe(true);
  });

  it("come from the stream across chunks and a last chunk in the PUT", async () => {
    const bytes = randomBytes(250_000);
    const adopt = watchAdopt();
    let location = await start();
    for (const [from, to] of [
      [0, 100_000],
      [100_000, 200_000],
    ] as const) {
      const response = await patch(location, bytes.subarray(from, to), `${from}-${to - 1}`);
      expect(response.status).toBe(202);
      location = response.headers.get("location")!;
    }
    const put = await call("PUT", `${location}?digest=${digestOf(bytes)}`, {
      auth: alice.auth,
      body: bytes.subarray(200_000),
    });
    expect(put.status).toBe(201);
    expect(trustedFlags(adopt)).toEqual([true]);
    expect((await readBlob(digestOf(bytes))).equals(bytes)).toBe(true);
  });

  it("are read from the file when another process took a chunk, and still refuse a wrong digest", async () => {
    const bytes = randomBytes(200_000);
    const adopt = watchAdopt();
    const location = await start();
    const id = location.split("/").at(-1)!;
    await patch(location, bytes.subarray(0, 100_000), "0-99999");
    forgetUploadHash(id); // as if the next chunk went to another server process
    await patch(location, bytes.subarray(100_000), "100000-199999");
    const wrong = await call("PUT", `${location}?digest=${digestOf("something else")}`, {
      auth: alice.auth,
    });
    expect(await errorCode(wrong)).toBe("DIGEST_INVALID");
    expect(trustedFlags(adopt)).toEqual([false]);

    adopt.mockClear();
    const again = await start();
    await patch(again, bytes.subarray(0, 100_000), "0-99999");
    forgetUploadHash(again.split("/").at(-1)!);
    await patch(again, bytes.subarray(100_000), "100000-199999");
    const put = await call("PUT", `${again}?digest=${digestOf(bytes)}`, { auth: alice.auth });
    expect(put.status).toBe(201);
    expect(trustedFlags(adopt)).toEqual([false]);
    expect((await readBlob(digestOf(bytes))).equals(bytes)).toBe(true);
  });

  it("do not trust a chunk that failed half-way: the retried upload is verified correctly", async () => {
    const bytes = randomBytes(150_000);
    const location = await start();
    await patch(location, bytes.subarray(0, 50_000), "0-49999");
    // Announces more than it sends: refused, the upload stays at 50 000 bytes.
    const short = await patch(location, bytes.subarray(50_000, 60_000), "50000-99999");
    expect(short.status).toBe(400);
    const status = await call("GET", location, { auth: alice.auth });
    expect(status.headers.get("range")).toBe("0-49999");
    await patch(location, bytes.subarray(50_000), "50000-149999");
    const put = await call("PUT", `${location}?digest=${digestOf(bytes)}`, { auth: alice.auth });
    expect(put.status).toBe(201);
    expect((await readBlob(digestOf(bytes))).equals(bytes)).toBe(true);
  });

  it("come from the stream for a monolithic POST, which a wrong digest leaves without a trace", async () => {
    const bytes = randomBytes(70_000);
    const adopt = watchAdopt();
    const post = await call("POST", `/v2/${repo}/blobs/uploads/?digest=${digestOf(bytes)}`, {
      auth: alice.auth,
      body: bytes,
    });
    expect(post.status).toBe(201);
    expect(trustedFlags(adopt)).toEqual([true]);

    const other = randomBytes(1000);
    const wrong = await call("POST", `/v2/${repo}/blobs/uploads/?digest=${digestOf("nope")}`, {
      auth: alice.auth,
      body: other,
    });
    expect(await errorCode(wrong)).toBe("DIGEST_INVALID");
    expect(await getBlobStore().stat(digestOf(other).slice(7))).toBeNull();
    expect(await getBlobStore().stat(digestOf("nope").slice(7))).toBeNull();
  });
});

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { getBlobStore } from "@/lib/storage/blob-store";

import { mediaTypes } from "./manifest-format";
import {
  buildImage,
  buildIndex,
  call,
  digestOf,
  errorCode,
  makeAccount,
  pushBlob,
  pushImage,
  pushIndex,
  type TestAccount,
} from "./test-support";

let alice: TestAccount;
let repo: string;

beforeAll(async () => {
  alice = await makeAccount("write");
  repo = `${alice.user.name}/app`;
});

function tempUploadFiles(): string[] {
  const dir = path.join(getConfig().dataDir, "blobs", "tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe("push and pull", () => {
  it("round-trips an image: blobs, manifest by tag and digest, exact bytes and headers", async () => {
    const image = buildImage([Buffer.from("layer one"), Buffer.from("layer two")]);
    const put = await pushImage(repo, alice.auth, image, "v1");
    expect(put.status).toBe(201);
    expect(put.headers.get("docker-content-digest")).toBe(image.digest);
    expect(put.headers.get("location")).toBe(`/v2/${repo}/manifests/${image.digest}`);

    for (const reference of ["v1", image.digest]) {
      const get = await call("GET", `/v2/${repo}/manifests/${reference}`, { auth: alice.auth });
      expect(get.status).toBe(200);
      expect(get.headers.get("content-type")).toBe(mediaTypes.ociManifest);
      expect(get.headers.get("docker-content-digest")).toBe(image.digest);
      expect(Buffer.from(await get.arrayBuffer()).equals(image.manifest)).toBe(true);
    }
    const head = await call("HEAD", `/v2/${repo}/manifests/v1`, { auth: alice.auth });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(image.manifest.length));
    expect(head.headers.get("docker-content-digest")).toBe(image.digest);

    const layer = image.layers[1]!;
    const blob = await call("GET", `/v2/${repo}/blobs/${digestOf(layer)}`, { auth: alice.auth });
    expect(blob.status).toBe(200);
    expect(blob.headers.get("docker-content-digest")).toBe(digestOf(layer));
    expect(blob.headers.get("content-length")).toBe(String(layer.length));
    expect(Buffer.from(await blob.arrayBuffer()).equals(layer)).toBe(true);

    const ranged = await call("GET", `/v2/${repo}/blobs/${digestOf(layer)}`, {
      auth: alice.auth,
      headers: { Range: "bytes=2-4" },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 2-4/${layer.length}`);
    expect(await ranged.text()).toBe("yer");
    const beyond = await call("GET", `/v2/${repo}/blobs/${digestOf(layer)}`, {
      auth: alice.auth,
      headers: { Range: "bytes=999-" },
    });
    expect(beyond.status).toBe(416);
  });

  it("uploads in chunks with Content-Range, reports progress, and refuses an out-of-order chunk with 416", async () => {
    const bytes = Buffer.from("0123456789abcdef");
    const start = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
    expect(start.status).toBe(202);
    expect(start.headers.get("range")).toBe("0-0");
    const uuid = start.headers.get("docker-upload-uuid");
    let location = start.headers.get("location")!;
    expect(location).toBe(`/v2/${repo}/blobs/uploads/${uuid}`);

    const first = await call("PATCH", location, {
      auth: alice.auth,
      body: bytes.subarray(0, 6),
      headers: { "Content-Range": "0-5", "Content-Length": "6" },
    });
    expect(first.status).toBe(202);
    expect(first.headers.get("range")).toBe("0-5");
    location = first.headers.get("location")!;

    const outOfOrder = await call("PATCH", location, {
      auth: alice.auth,
      body: bytes.subarray(8),
      headers: { "Content-Range": "8-15" },
    });
    expect(outOfOrder.status).toBe(416);
    expect(outOfOrder.headers.get("range")).toBe("0-5");
    expect(await errorCode(outOfOrder)).toBe("BLOB_UPLOAD_INVALID");

    const second = await call("PATCH", location, {
      auth: alice.auth,
      body: bytes.subarray(6, 12),
      headers: { "Content-Range": "6-11" },
    });
    expect(second.headers.get("range")).toBe("0-11");
    const status = await call("GET", location, { auth: alice.auth });
    expect(status.status).toBe(204);
    expect(status.headers.get("range")).toBe("0-11");

    // The last chunk arrives with the closing PUT.
    const put = await call("PUT", `${location}?digest=${digestOf(bytes)}`, {
      auth: alice.auth,
      body: bytes.subarray(12),
      headers: { "Content-Range": "12-15" },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get("docker-content-digest")).toBe(digestOf(bytes));
    const blob = await call("GET", put.headers.get("location")!, { auth: alice.auth });
    expect(await blob.text()).toBe(bytes.toString());
    expect((await call("GET", location, { auth: alice.auth })).status).toBe(404);
  });

  it("accepts docker's streamed upload: one PATCH without Content-Range, then PUT with an empty body", async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const start = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536)
          controller.enqueue(bytes.subarray(i, i + 65536));
        controller.close();
      },
    });
    const patch = await call("PATCH", start.headers.get("location")!, {
      auth: alice.auth,
      body: stream,
    });
    expect(patch.status).toBe(202);
    expect(patch.headers.get("range")).toBe(`0-${bytes.length - 1}`);
    const put = await call("PUT", `${patch.headers.get("location")}?digest=${digestOf(bytes)}`, {
      auth: alice.auth,
    });
    expect(put.status).toBe(201);
    const head = await call("HEAD", `/v2/${repo}/blobs/${digestOf(bytes)}`, { auth: alice.auth });
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
  });

  it("accepts a single-POST monolithic upload", async () => {
    const bytes = Buffer.from("monolithic");
    const post = await call("POST", `/v2/${repo}/blobs/uploads/?digest=${digestOf(bytes)}`, {
      auth: alice.auth,
      body: bytes,
    });
    expect(post.status).toBe(201);
    expect(post.headers.get("location")).toBe(`/v2/${repo}/blobs/${digestOf(bytes)}`);
    expect(
      (await call("HEAD", `/v2/${repo}/blobs/${digestOf(bytes)}`, { auth: alice.auth })).status,
    ).toBe(200);
  });

  it("refuses a wrong digest with DIGEST_INVALID and leaves nothing behind", async () => {
    const bytes = Buffer.from("the real content");
    const claimed = digestOf("something else");
    const tempBefore = tempUploadFiles().length;
    const start = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
    const location = start.headers.get("location")!;
    await call("PATCH", location, { auth: alice.auth, body: bytes });
    const put = await call("PUT", `${location}?digest=${claimed}`, { auth: alice.auth });
    expect(put.status).toBe(400);
    expect(await errorCode(put)).toBe("DIGEST_INVALID");

    const mono = await call("POST", `/v2/${repo}/blobs/uploads/?digest=${claimed}`, {
      auth: alice.auth,
      body: bytes,
    });
    expect(await errorCode(mono)).toBe("DIGEST_INVALID");

    const store = getBlobStore();
    expect(await store.stat(claimed.slice(7))).toBeNull();
    expect(await store.stat(digestOf(bytes).slice(7))).toBeNull();
    expect((await call("GET", location, { auth: alice.auth })).status).toBe(404);
    expect(tempUploadFiles().length).toBe(tempBefore);
    expect((await call("HEAD", `/v2/${repo}/blobs/${claimed}`, { auth: alice.auth })).status).toBe(
      404,
    );
  });

  it("cancels an upload session and deletes its file", async () => {
    const tempBefore = tempUploadFiles().length;
    const start = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
    const location = start.headers.get("location")!;
    await call("PATCH", location, { auth: alice.auth, body: Buffer.from("partial") });
    expect(tempUploadFiles().length).toBe(tempBefore + 1);
    expect((await call("DELETE", location, { auth: alice.auth })).status).toBe(204);
    expect(tempUploadFiles().length).toBe(tempBefore);
    const again = await call("PATCH", location, { auth: alice.auth, body: Buffer.from("more") });
    expect(again.status).toBe(404);
    expect(await errorCode(again)).toBe("BLOB_UPLOAD_UNKNOWN");
  });

  it("refuses a manifest whose blobs are missing, and an index whose child manifests are", async () => {
    const image = buildImage([Buffer.from("never uploaded layer")]);
    await pushBlob(repo, alice.auth, image.config);
    const put = await call("PUT", `/v2/${repo}/manifests/broken`, {
      auth: alice.auth,
      body: image.manifest,
      headers: { "Content-Type": mediaTypes.ociManifest },
    });
    expect(put.status).toBe(400);
    expect(await errorCode(put)).toBe("MANIFEST_BLOB_UNKNOWN");
    expect((await call("GET", `/v2/${repo}/manifests/broken`, { auth: alice.auth })).status).toBe(
      404,
    );

    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: mediaTypes.ociIndex,
        manifests: [
          { mediaType: mediaTypes.ociManifest, digest: image.digest, size: image.manifest.length },
        ],
      }),
    );
    const putIndex = await call("PUT", `/v2/${repo}/manifests/broken-index`, {
      auth: alice.auth,
      body: index,
      headers: { "Content-Type": mediaTypes.ociIndex },
    });
    expect(await errorCode(putIndex)).toBe("MANIFEST_BLOB_UNKNOWN");
  });

  it("refuses malformed manifests, mismatched digests and oversized bodies", async () => {
    const bad = await call("PUT", `/v2/${repo}/manifests/bad`, {
      auth: alice.auth,
      body: "{not json",
      headers: { "Content-Type": mediaTypes.ociManifest },
    });
    expect(await errorCode(bad)).toBe("MANIFEST_INVALID");
    const image = buildImage([Buffer.from("x")]);
    const wrongDigest = await call("PUT", `/v2/${repo}/manifests/${digestOf("other")}`, {
      auth: alice.auth,
      body: image.manifest,
      headers: { "Content-Type": mediaTypes.ociManifest },
    });
    expect(await errorCode(wrongDigest)).toBe("DIGEST_INVALID");
    const huge = await call("PUT", `/v2/${repo}/manifests/huge`, {
      auth: alice.auth,
      body: Buffer.alloc(4 * 1024 * 1024 + 1, 32),
      headers: { "Content-Type": mediaTypes.ociManifest },
    });
    expect(huge.status).toBe(413);
  });

  it("pushes an index over its children and serves a client that does not accept indexes the amd64 image", async () => {
    const amd64 = buildImage([Buffer.from("amd64 layer")]);
    const arm64 = buildImage([Buffer.from("arm64 layer")]);
    await pushImage(repo, alice.auth, amd64, "amd64");
    await pushImage(repo, alice.auth, arm64, "arm64");
    const index = buildIndex([
      { image: amd64, architecture: "amd64" },
      { image: arm64, architecture: "arm64" },
    ]);
    const put = await pushIndex(repo, alice.auth, index, "multi");
    expect(put.status).toBe(201);
    const asIndex = await call("GET", `/v2/${repo}/manifests/multi`, {
      auth: alice.auth,
      headers: { Accept: `${mediaTypes.ociIndex}, ${mediaTypes.ociManifest}` },
    });
    expect(asIndex.headers.get("docker-content-digest")).toBe(digestOf(index));
    const old = await call("GET", `/v2/${repo}/manifests/multi`, {
      auth: alice.auth,
      headers: { Accept: mediaTypes.ociManifest },
    });
    expect(old.headers.get("docker-content-digest")).toBe(amd64.digest);
    const none = await call("GET", `/v2/${repo}/manifests/amd64`, {
      auth: alice.auth,
      headers: { Accept: mediaTypes.dockerManifest },
    });
    expect(await errorCode(none)).toBe("MANIFEST_UNKNOWN");
  });

  it("mounts a blob from another repository the caller can read", async () => {
    const layer = Buffer.from("shared base layer");
    const digest = await pushBlob(repo, alice.auth, layer);
    const target = `${alice.user.name}/other`;
    const mount = await call("POST", `/v2/${target}/blobs/uploads/?mount=${digest}&from=${repo}`, {
      auth: alice.auth,
    });
    expect(mount.status).toBe(201);
    expect(mount.headers.get("docker-content-digest")).toBe(digest);
    expect((await call("GET", `/v2/${target}/blobs/${digest}`, { auth: alice.auth })).status).toBe(
      200,
    );

    // A blob the source repository does not have is not mounted: an ordinary upload starts instead.
    const missing = await call(
      "POST",
      `/v2/${target}/blobs/uploads/?mount=${digestOf("nope")}&from=${repo}`,
      {
        auth: alice.auth,
      },
    );
    expect(missing.status).toBe(202);
  });

  it("serves a blob only in repositories it was uploaded to or mounted into", async () => {
    const layer = Buffer.from("only in app");
    const digest = await pushBlob(repo, alice.auth, layer);
    const elsewhere = await call("GET", `/v2/${alice.user.name}/other/blobs/${digest}`, {
      auth: alice.auth,
    });
    expect(elsewhere.status).toBe(404);
    expect(await errorCode(elsewhere)).toBe("BLOB_UNKNOWN");
  });

  it("lists tags in order with n/last pagination and a Link header", async () => {
    const tagsRepo = `${alice.user.name}/tagged`;
    const image = buildImage([Buffer.from("tagged layer")]);
    for (const tag of ["b", "a", "d", "c", "e"])
      expect((await pushImage(tagsRepo, alice.auth, image, tag)).status).toBe(201);
    const all = await call("GET", `/v2/${tagsRepo}/tags/list`, { auth: alice.auth });
    expect(await all.json()).toEqual({ name: tagsRepo, tags: ["a", "b", "c", "d", "e"] });
    expect(all.headers.get("link")).toBeNull();

    const page1 = await call("GET", `/v2/${tagsRepo}/tags/list?n=2`, { auth: alice.auth });
    expect(((await page1.json()) as { tags: string[] }).tags).toEqual(["a", "b"]);
    expect(page1.headers.get("link")).toBe(`</v2/${tagsRepo}/tags/list?n=2&last=b>; rel="next"`);
    const page3 = await call("GET", `/v2/${tagsRepo}/tags/list?n=2&last=d`, { auth: alice.auth });
    expect(((await page3.json()) as { tags: string[] }).tags).toEqual(["e"]);
    expect(page3.headers.get("link")).toBeNull();
    const zero = await call("GET", `/v2/${tagsRepo}/tags/list?n=0`, { auth: alice.auth });
    expect(((await zero.json()) as { tags: string[] }).tags).toEqual([]);
    const invalid = await call("GET", `/v2/${tagsRepo}/tags/list?n=-1`, { auth: alice.auth });
    expect(await errorCode(invalid)).toBe("PAGINATION_NUMBER_INVALID");
  });

  it("deletes a tag, then the manifest by digest", async () => {
    const image = buildImage([Buffer.from("to delete")]);
    await pushImage(repo, alice.auth, image, "gone");
    expect((await call("DELETE", `/v2/${repo}/manifests/gone`, { auth: alice.auth })).status).toBe(
      202,
    );
    expect((await call("GET", `/v2/${repo}/manifests/gone`, { auth: alice.auth })).status).toBe(
      404,
    );
    expect(
      (await call("GET", `/v2/${repo}/manifests/${image.digest}`, { auth: alice.auth })).status,
    ).toBe(200);
    expect(
      (await call("DELETE", `/v2/${repo}/manifests/${image.digest}`, { auth: alice.auth })).status,
    ).toBe(202);
    const after = await call("GET", `/v2/${repo}/manifests/${image.digest}`, { auth: alice.auth });
    expect(await errorCode(after)).toBe("MANIFEST_UNKNOWN");
  });

  it("lists referrers with an artifactType filter and answers OCI-Subject", async () => {
    const subject = buildImage([Buffer.from("subject layer")]);
    await pushImage(repo, alice.auth, subject, "signed");
    const empty = Buffer.from("{}");
    await pushBlob(repo, alice.auth, empty);
    const referrer = (artifactType: string) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: mediaTypes.ociManifest,
          artifactType,
          config: {
            mediaType: "application/vnd.oci.empty.v1+json",
            digest: digestOf(empty),
            size: 2,
          },
          layers: [],
          subject: {
            mediaType: mediaTypes.ociManifest,
            digest: subject.digest,
            size: subject.manifest.length,
          },
          annotations: { "org.example.kind": artifactType },
        }),
      );
    for (const type of ["application/vnd.example.sbom", "application/vnd.example.signature"]) {
      const put = await call("PUT", `/v2/${repo}/manifests/${digestOf(referrer(type))}`, {
        auth: alice.auth,
        body: referrer(type),
        headers: { "Content-Type": mediaTypes.ociManifest },
      });
      expect(put.status).toBe(201);
      expect(put.headers.get("oci-subject")).toBe(subject.digest);
    }
    const all = await call("GET", `/v2/${repo}/referrers/${subject.digest}`, { auth: alice.auth });
    const index = (await all.json()) as {
      manifests: { artifactType: string; annotations: Record<string, string> }[];
    };
    expect(index.manifests.map((m) => m.artifactType).sort()).toEqual([
      "application/vnd.example.sbom",
      "application/vnd.example.signature",
    ]);
    const filtered = await call(
      "GET",
      `/v2/${repo}/referrers/${subject.digest}?artifactType=application/vnd.example.sbom`,
      {
        auth: alice.auth,
      },
    );
    expect(filtered.headers.get("oci-filters-applied")).toBe("artifactType");
    expect(((await filtered.json()) as { manifests: unknown[] }).manifests).toHaveLength(1);
    const none = await call("GET", `/v2/${repo}/referrers/${digestOf("no referrers")}`, {
      auth: alice.auth,
    });
    expect(none.status).toBe(200);
    expect(((await none.json()) as { manifests: unknown[] }).manifests).toEqual([]);
  });

  it("rejects invalid repository names", async () => {
    const response = await call("GET", "/v2/Alice/App/tags/list", { auth: alice.auth });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("NAME_INVALID");
  });
});

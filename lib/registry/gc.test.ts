import fs from "node:fs";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";

import { recordLfsObject } from "@/db/queries/lfs-objects";
import { getBlobStore } from "@/lib/storage/blob-store";

import { formatRegistryGcReport, runRegistryGc } from "./gc";
import {
  buildImage,
  call,
  digestOf,
  makeAccount,
  pushBlob,
  pushImage,
  type TestAccount,
} from "./test-support";

let alice: TestAccount;
let repo: string;

const hour = 3600_000;
const later = (ms: number) => new Date(Date.now() + ms);
const inStore = async (digest: string) =>
  (await getBlobStore().stat(digest.slice("sha256:".length))) !== null;

beforeAll(async () => {
  alice = await makeAccount("write");
  repo = `${alice.user.name}/gc`;
});

describe("registry garbage collection", () => {
  it("deletes blobs no manifest references, after the grace period, and reports what it freed", async () => {
    const image = buildImage([Buffer.from("kept layer")]);
    expect((await pushImage(repo, alice.auth, image)).status).toBe(201);
    const orphan = await pushBlob(
      repo,
      alice.auth,
      Buffer.from("orphan layer, never in a manifest"),
    );

    const young = await runRegistryGc({});
    expect(young.blobs.digests).not.toContain(orphan);
    expect(young.kept.recent).toBeGreaterThanOrEqual(1);

    const dry = await runRegistryGc({ dryRun: true, now: later(2 * hour) });
    expect(dry.blobs.digests).toEqual([orphan]);
    expect(formatRegistryGcReport(dry)).toMatch(/^Would free 1 unused blob\(s\), 0\.0 MB/);
    expect(dry.blobs.bytes).toBe(Buffer.byteLength("orphan layer, never in a manifest"));
    expect(await inStore(orphan)).toBe(true);

    const real = await runRegistryGc({ now: later(2 * hour) });
    expect(real.blobs.digests).toEqual([orphan]);
    expect(await inStore(orphan)).toBe(false);
    for (const digest of [image.digest, digestOf(image.config), digestOf(image.layers[0]!)]) {
      expect(await inStore(digest)).toBe(true);
    }
    expect((await call("GET", `/v2/${repo}/manifests/latest`, { auth: alice.auth })).status).toBe(
      200,
    );
    expect((await call("HEAD", `/v2/${repo}/blobs/${orphan}`, { auth: alice.auth })).status).toBe(
      404,
    );
  });

  it("collects a deleted manifest's blobs but keeps those another manifest shares", async () => {
    const shared = Buffer.from("layer shared by two images");
    const first = buildImage([shared, Buffer.from("only in the first")], { n: "1" });
    const second = buildImage([shared], { n: "2" });
    await pushImage(repo, alice.auth, first, "first");
    await pushImage(repo, alice.auth, second, "second");
    expect(
      (await call("DELETE", `/v2/${repo}/manifests/${first.digest}`, { auth: alice.auth })).status,
    ).toBe(202);

    const report = await runRegistryGc({ now: later(2 * hour) });
    expect(report.blobs.digests.sort()).toEqual(
      [first.digest, digestOf(first.config), digestOf(first.layers[1]!)].sort(),
    );
    expect(await inStore(digestOf(shared))).toBe(true);

    // The same content can be pushed again afterwards.
    expect((await pushImage(repo, alice.auth, first, "first")).status).toBe(201);
    expect((await call("GET", `/v2/${repo}/manifests/first`, { auth: alice.auth })).status).toBe(
      200,
    );
  });

  it("never deletes a blob git LFS stored first", async () => {
    const bytes = Buffer.from("model weights that are also a layer");
    await getBlobStore().write(Readable.from([bytes]));
    const digest = await pushBlob(repo, alice.auth, bytes);
    const report = await runRegistryGc({ now: later(2 * hour) });
    expect(report.blobs.digests).not.toContain(digest);
    expect(await inStore(digest)).toBe(true);
  });

  it("removes abandoned upload sessions and their temp files", async () => {
    const start = await call("POST", `/v2/${repo}/blobs/uploads/`, { auth: alice.auth });
    const location = start.headers.get("location")!;
    await call("PATCH", location, { auth: alice.auth, body: Buffer.from("abandoned") });
    expect((await runRegistryGc({ now: later(2 * hour) })).uploads.count).toBe(0);
    const report = await runRegistryGc({ now: later(25 * hour) });
    expect(report.uploads).toEqual({ count: 1, bytes: 9 });
    expect((await call("GET", location, { auth: alice.auth })).status).toBe(404);
    expect(
      fs
        .readdirSync(`${process.env.STRATA_DATA_DIR}/blobs/tmp`)
        .filter((f) => f.startsWith("oci-upload")),
    ).toEqual([]);
  });

  it("keeps blobs that git LFS uses, whoever stored them first", async () => {
    const digest = await pushBlob(
      repo,
      alice.auth,
      Buffer.from("uploaded to the registry, later used by LFS"),
    );
    await recordLfsObject(digest.slice("sha256:".length), 44);
    const report = await runRegistryGc({ now: later(2 * hour) });
    expect(report.kept.usedByLfs).toBe(1);
    expect(report.blobs.digests).not.toContain(digest);
    expect(await inStore(digest)).toBe(true);
  });
});

import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { getBlobStore } from "@/lib/storage/blob-store";
import { sessionCaller } from "@/test/factories";

import { mediaTypes } from "./manifest-format";
import { setRepositoryVisibility } from "./repositories";
import { buildImage, call, errorCode, makeAccount, pushBlob, pushImage } from "./test-support";

/**
 * Layers, configs and LFS objects share one deduplicated blob store: a digest taken from a
 * private repository (or from an LFS pointer) must not fetch its bytes through another one.
 */
describe("a registry blob named by a foreign digest", () => {
  it("is not served, mounted or referenced by a repository it was never pushed to", async () => {
    const alice = await makeAccount("write");
    const bob = await makeAccount("write");
    const privateLayer = Buffer.from(`alice's private layer ${Date.now()}`);
    const image = buildImage([privateLayer]);
    expect((await pushImage(`${alice.user.name}/secret`, alice.auth, image)).status).toBe(201);

    const open = `${bob.user.name}/open`;
    expect(
      (await pushImage(open, bob.auth, buildImage([Buffer.from(`bob's layer ${Date.now()}`)])))
        .status,
    ).toBe(201);
    await setRepositoryVisibility({
      caller: sessionCaller(bob.user),
      name: open,
      isPrivate: false,
    });

    // Another hub repository's LFS object lives in the same store.
    const lfsBytes = Buffer.from(`a private LFS object ${Date.now()}`);
    const lfsHex = createHash("sha256").update(lfsBytes).digest("hex");
    await getBlobStore().write(Readable.from([lfsBytes]), {
      sha256: lfsHex,
      size: lfsBytes.length,
    });

    const layerDigest = `sha256:${createHash("sha256").update(privateLayer).digest("hex")}`;
    const configDigest = `sha256:${createHash("sha256").update(image.config).digest("hex")}`;
    for (const digest of [layerDigest, configDigest, `sha256:${lfsHex}`]) {
      for (const auth of [null, bob.auth]) {
        const get = await call("GET", `/v2/${open}/blobs/${digest}`, { auth });
        expect(get.status).toBe(404);
        expect(await errorCode(get)).toBe("BLOB_UNKNOWN");
        expect((await call("HEAD", `/v2/${open}/blobs/${digest}`, { auth })).status).toBe(404);
      }
      // A mount from a repository Bob cannot read starts an upload instead of linking the blob.
      const mount = await call(
        "POST",
        `/v2/${open}/blobs/uploads/?mount=${digest}&from=${alice.user.name}/secret`,
        { auth: bob.auth },
      );
      expect(mount.status).toBe(202);
      expect((await call("GET", `/v2/${open}/blobs/${digest}`, { auth: bob.auth })).status).toBe(
        404,
      );
    }

    // A manifest naming the private blobs without uploading them is refused.
    const pushed = await call("PUT", `/v2/${open}/manifests/stolen`, {
      auth: bob.auth,
      body: image.manifest,
      headers: { "Content-Type": mediaTypes.ociManifest },
    });
    expect(pushed.status).toBe(400);
    expect((await call("GET", `/v2/${open}/blobs/${layerDigest}`)).status).toBe(404);

    // Uploading the bytes (proof of having them) is how a repository gets a blob.
    await pushBlob(open, bob.auth, privateLayer);
    expect((await call("GET", `/v2/${open}/blobs/${layerDigest}`)).status).toBe(200);
  });
});

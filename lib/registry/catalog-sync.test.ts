import { beforeAll, describe, expect, it } from "vitest";

import { listAuditForActor } from "@/db/queries/audit";

import { describePush } from "./catalog-sync";
import { mediaTypes, parseManifest } from "./manifest-format";
import {
  buildImage,
  buildIndex,
  digestOf,
  makeAccount,
  pushImage,
  pushIndex,
  type TestAccount,
} from "./test-support";

let alice: TestAccount;
let repo: string;

beforeAll(async () => {
  alice = await makeAccount("write");
  repo = `${alice.user.name}/catalogued`;
});

describe("the push event for the image catalog", () => {
  it("describes an image: platform, compressed size, created time and config labels", async () => {
    const image = buildImage([Buffer.from("aaaa"), Buffer.from("bbbbbb")], {
      "org.opencontainers.image.title": "demo",
    });
    expect((await pushImage(repo, alice.auth, image, "v1")).status).toBe(201);
    const event = await describePush({
      repository: { name: repo, ownerId: alice.user.id, isPrivate: true },
      tags: ["v1"],
      digest: image.digest,
      size: image.manifest.length,
      manifest: parseManifest(image.manifest, mediaTypes.ociManifest),
      principal: { type: "user", caller: { ...alice.user, auth: { type: "session" } } },
    });
    expect(event).toMatchObject({
      repository: repo,
      tags: ["v1"],
      digest: image.digest,
      mediaType: mediaTypes.ociManifest,
      pushedBy: { type: "user", userId: alice.user.id },
      platforms: [
        {
          digest: image.digest,
          os: "linux",
          architecture: "arm64",
          size: image.config.length + 4 + 6,
          created: "2026-01-02T03:04:05Z",
          labels: { "org.opencontainers.image.title": "demo" },
        },
      ],
    });
    const audit = await listAuditForActor(alice.user.id);
    expect(
      audit.some(
        (a) => a.action === "registry.push" && a.target === `image:${repo}@${image.digest}`,
      ),
    ).toBe(true);
  });

  it("describes each platform of an index and skips attestation children", async () => {
    const image = buildImage([Buffer.from("platform layer")]);
    await pushImage(repo, alice.auth, image, "child");
    const index = buildIndex([
      { image, architecture: "arm64" },
      { image, os: "unknown", architecture: "unknown" },
    ]);
    const put = await pushIndex(repo, alice.auth, index, "multi");
    expect(put.status).toBe(201);
    const event = await describePush({
      repository: { name: repo, ownerId: alice.user.id, isPrivate: false },
      tags: ["multi"],
      digest: digestOf(index),
      size: index.length,
      manifest: parseManifest(index, mediaTypes.ociIndex),
      principal: { type: "anonymous" },
    });
    expect(event.platforms).toHaveLength(1);
    expect(event.platforms[0]).toMatchObject({
      digest: image.digest,
      architecture: "arm64",
      size: image.config.length + 14,
    });
    expect(event.pushedBy).toBeNull();
  });
});

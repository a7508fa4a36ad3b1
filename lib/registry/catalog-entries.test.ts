import { beforeAll, describe, expect, it } from "vitest";

import { findImageRepositoryRow, findImageTagRow } from "@/db/queries/images";
import { resetConfigForTests } from "@/lib/config";
import { listImageRepositories, listImageTags } from "@/lib/images/catalog/catalog";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { getImageTag } from "@/lib/images/catalog/tag-detail";
import { makeOrg, sessionCaller } from "@/test/factories";

import { mediaTypes } from "./manifest-format";
import { setRepositoryVisibility } from "./repositories";
import {
  buildImage,
  buildIndex,
  call,
  digestOf,
  makeAccount,
  pushImage,
  pushIndex,
  type TestAccount,
} from "./test-support";

// Pull commands name this registry by the host of the public URL.
process.env.STRATA_PUBLIC_URL = "https://hub.example.test";
resetConfigForTests();

let alice: TestAccount;
let bob: TestAccount;

const visibleNames = async (account: TestAccount | null) =>
  (await listImageRepositories(account && sessionCaller(account.user))).repositories.map(
    (r) => r.fullName,
  );

beforeAll(async () => {
  alice = await makeAccount("write");
  bob = await makeAccount("write");
});

describe("the image center after a push", () => {
  it("lists the tag as available here, with per-arch digest and size, created time and labels", async () => {
    const repo = `${alice.user.name}/webapp`;
    const image = buildImage([Buffer.from("layer one"), Buffer.from("layer two!")], {
      "org.opencontainers.image.description": "A small web app",
      "org.example.team": "infra",
    });
    const before = Date.now();
    expect((await pushImage(repo, alice.auth, image, "v1")).status).toBe(201);

    const caller = sessionCaller(alice.user);
    const { repository, tags } = await listImageTags(caller, alice.user.name, "webapp");
    expect(repository).toMatchObject({
      fullName: repo,
      category: "app",
      description: "A small web app",
      visibility: "private",
      tagCount: 1,
      hubPull: {
        registry: "hub",
        reference: `hub.example.test/${repo}:v1`,
        command: `docker pull hub.example.test/${repo}:v1`,
      },
    });
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({
      tag: "v1",
      availableLocally: true,
      sources: [],
      grammar: false,
      manifests: [{ arch: "arm64", digest: image.digest, size: image.config.length + 19 }],
    });
    expect(tags[0]!.updatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const detail = await getImageTag(caller, alice.user.name, "webapp", "v1");
    expect(detail.pull.map((p) => p.command)).toEqual([`docker pull hub.example.test/${repo}:v1`]);
    expect(detail.push).toMatchObject({
      digest: image.digest,
      mediaType: mediaTypes.ociManifest,
      imageCreatedAt: new Date("2026-01-02T03:04:05Z"),
      labels: {
        "org.opencontainers.image.description": "A small web app",
        "org.example.team": "infra",
      },
    });
  });

  it("parses the variables of tags that follow the stack's grammar", async () => {
    const org = await makeOrg(alice.user);
    const tag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
    const image = buildImage([Buffer.from("openmind layer")]);
    expect((await pushImage(`${org.name}/openmind`, alice.auth, image, tag)).status).toBe(201);
    const detail = await getImageTag(sessionCaller(alice.user), org.name, "openmind", tag);
    expect(detail).toMatchObject({
      grammar: true,
      availableLocally: true,
      python: "3.9",
      cann: "8.0.rc2.beta1",
      openmind: "0.8.0",
      hardware: "npu",
      frameworks: [{ name: "pytorch", version: "2.1.0" }],
      repository: { category: "llm" },
    });
    expect(detail.stack.length).toBeGreaterThan(3);
  });

  it("records each platform of an index under its architecture", async () => {
    const repo = `${alice.user.name}/multiarch`;
    const arm = buildImage([Buffer.from("arm layer")], {}, { architecture: "arm64" });
    const amd = buildImage([Buffer.from("amd64 layer!")], {}, { architecture: "amd64" });
    await pushImage(repo, alice.auth, arm, "arm-only");
    await pushImage(repo, alice.auth, amd, "amd-only");
    const index = buildIndex([
      { image: arm, architecture: "arm64" },
      { image: amd, architecture: "amd64" },
    ]);
    const put = await pushIndex(repo, alice.auth, index, "both");
    expect(put.status).toBe(201);
    const detail = await getImageTag(
      sessionCaller(alice.user),
      alice.user.name,
      "multiarch",
      "both",
    );
    expect(detail.manifests).toEqual([
      { arch: "amd64", digest: amd.digest, size: amd.config.length + 12 },
      { arch: "arm64", digest: arm.digest, size: arm.config.length + 9 },
    ]);
    expect(detail.push?.digest).toBe(digestOf(index));
  });

  it("shows a private image only to those who can read its registry repository", async () => {
    const repo = `${alice.user.name}/hidden`;
    await pushImage(repo, alice.auth, buildImage([Buffer.from("hidden layer")]), "v1");
    expect(await visibleNames(alice)).toContain(repo);
    expect(await visibleNames(bob)).not.toContain(repo);
    expect(await visibleNames(null)).not.toContain(repo);
    await expect(
      getImageTag(sessionCaller(bob.user), alice.user.name, "hidden", "v1"),
    ).rejects.toMatchObject({ code: "not_found" });

    // Making the registry repository public publishes the catalog entry, and back.
    const setPrivate = (isPrivate: boolean) =>
      setRepositoryVisibility({ caller: sessionCaller(alice.user), name: repo, isPrivate });
    await setPrivate(false);
    expect(await visibleNames(null)).toContain(repo);
    expect(await visibleNames(bob)).toContain(repo);
    await setPrivate(true);
    expect(await visibleNames(bob)).not.toContain(repo);
  });

  it("keeps Space images and deeper paths out of the image center", async () => {
    const repo = `${alice.user.name}/team/tool`;
    expect(
      (await pushImage(repo, alice.auth, buildImage([Buffer.from("deep")]), "v1")).status,
    ).toBe(201);
    expect(await visibleNames(alice)).not.toContain(repo);
    expect(await findImageRepositoryRow(alice.user.name, "team")).toBeNull();
  });
});

describe("the image center after a delete", () => {
  it("drops a deleted tag, and the repository with its last tag", async () => {
    const repo = `${alice.user.name}/shortlived`;
    const image = buildImage([Buffer.from("short-lived layer")]);
    await pushImage(repo, alice.auth, image, "a");
    await pushImage(repo, alice.auth, image, "b");
    const other = buildImage([Buffer.from("other layer")]);
    await pushImage(repo, alice.auth, other, "c");

    expect((await call("DELETE", `/v2/${repo}/manifests/a`, { auth: alice.auth })).status).toBe(
      202,
    );
    let listed = await listImageTags(sessionCaller(alice.user), alice.user.name, "shortlived");
    expect(listed.tags.map((t) => t.tag).sort()).toEqual(["b", "c"]);
    expect(listed.repository.hubPull).not.toBeNull();

    // Deleting by digest removes every tag that pointed at the manifest.
    expect(
      (await call("DELETE", `/v2/${repo}/manifests/${other.digest}`, { auth: alice.auth })).status,
    ).toBe(202);
    listed = await listImageTags(sessionCaller(alice.user), alice.user.name, "shortlived");
    expect(listed.tags.map((t) => t.tag)).toEqual(["b"]);

    expect((await call("DELETE", `/v2/${repo}/manifests/b`, { auth: alice.auth })).status).toBe(
      202,
    );
    expect(await findImageRepositoryRow(alice.user.name, "shortlived")).toBeNull();
    expect(await visibleNames(alice)).not.toContain(repo);
  });

  it("keeps a tag that upstream registries publish, as upstream-only", async () => {
    await seedImageCatalog();
    const baseImage = await makeOrg(alice.user, "base_image");
    const tag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
    const image = buildImage([Buffer.from("mirrored openmind")]);
    expect((await pushImage("base_image/openmind", alice.auth, image, tag)).status).toBe(201);
    const repo = (await findImageRepositoryRow("base_image", "openmind"))!;
    expect(repo).toMatchObject({ visibility: "public", ownerId: baseImage.id });
    let row = (await findImageTagRow(repo.id, tag))!;
    expect(row.availableLocally).toBe(true);
    expect(row.sources.length).toBeGreaterThan(0);
    expect(row.manifests.find((m) => m.arch === "arm64")?.digest).toBe(image.digest);
    const anonymous = await getImageTag(null, "base_image", "openmind", tag);
    expect(anonymous.pull[0]?.reference).toBe(`hub.example.test/base_image/openmind:${tag}`);

    expect(
      (await call("DELETE", `/v2/base_image/openmind/manifests/${tag}`, { auth: alice.auth }))
        .status,
    ).toBe(202);
    row = (await findImageTagRow(repo.id, tag))!;
    expect(row.availableLocally).toBe(false);
    expect(row.manifests.every((m) => m.digest === null)).toBe(true);
    const detail = await getImageTag(null, "base_image", "openmind", tag);
    expect(detail.pull.some((p) => p.registry === "hub")).toBe(false);
    expect(detail.push).toBeNull();
  });
});

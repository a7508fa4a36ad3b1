import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { getDb } from "@/db/client";
import { findImageRepositoryRow, findImageTagRow } from "@/db/queries/images";
import { imageManifests, imageRepositories, imageTags } from "@/db/schema";

import { seedImageCatalog, seedRepositories } from "./catalog-seed";
import { upsertImageTag } from "./catalog-write";

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function dump() {
  const db = getDb();
  return {
    repositories: db.select().from(imageRepositories).orderBy(asc(imageRepositories.id)).all(),
    tags: db.select().from(imageTags).orderBy(asc(imageTags.id)).all(),
    manifests: db.select().from(imageManifests).orderBy(asc(imageManifests.id)).all(),
  };
}

async function tagRow(name: string, tag: string) {
  const repo = await findImageRepositoryRow("base_image", name);
  return repo ? findImageTagRow(repo.id, tag) : null;
}

describe("seedImageCatalog", () => {
  beforeAll(async () => {
    await seedImageCatalog();
  });

  it("writes every reference tag with its flags, sources, architectures and sizes", async () => {
    const { repositories, tags, manifests } = dump();
    const seededTags = seedRepositories.flatMap((r) => r.tags);
    expect(
      repositories.map((r) => `${r.namespace}/${r.name}:${r.category}:${r.visibility}`),
    ).toEqual([
      "base_image/python:base:public",
      "base_image/cann:base:public",
      "base_image/pytorch:framework:public",
      "base_image/mindspore:framework:public",
      "base_image/openmind:llm:public",
    ]);
    expect(tags).toHaveLength(seededTags.length);
    expect(manifests).toHaveLength(
      seededTags.reduce((n, t) => n + Object.keys(t.arches).length, 0),
    );
    // No source lists a digest, so none is invented.
    expect(manifests.every((m) => m.digest === null)).toBe(true);

    expect(tags.filter((t) => t.space).length).toBe(8);
    expect(
      tags
        .filter((t) => t.modelCi)
        .map((t) => t.tag)
        .sort(),
    ).toEqual([
      "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1",
      "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.7.1",
      "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      // CPU images are CI environments too (beyond openMind), so CI runs without NPUs.
      "openeuler-python3.9-mindspore2.3.1-openmind0.8.0",
      "openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
    ]);

    const cpu = await tagRow("openmind", "openeuler-python3.9-pytorch2.1.0-openmind0.8.0");
    expect(cpu).toMatchObject({
      os: "openeuler",
      osVersion: "22.03",
      python: "3.9",
      cann: null,
      chip: null,
      hardware: "cpu",
      frameworks: [{ name: "pytorch", version: "2.1.0" }],
      openmindVersion: "0.8.0",
      space: true,
      modelCi: true,
      sources: ["registry.modelers.cn"],
      availableLocally: false,
      updatedAt: null,
      manifests: [{ arch: "amd64", digest: null, size: 743_000_000 }],
    });
    const npu = await tagRow(
      "openmind",
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
    );
    expect(npu).toMatchObject({
      cann: "8.0.rc2.beta1",
      chip: "910b",
      hardware: "npu",
      manifests: [{ arch: "arm64", size: 3_600_000_000 }],
    });
    const cann = await tagRow("cann", "ubuntu-python3.9-cann8.0.rc2.beta1");
    expect(cann?.sources).toEqual(["quay.io/ascend", "docker.io/ascendai", "registry.modelers.cn"]);
    expect(cann?.manifests.map((m) => m.arch)).toEqual(["amd64", "arm64"]);
    // Outside the grammar: kept, with no variables.
    expect(await tagRow("openmind", "latest")).toMatchObject({
      python: null,
      hardware: null,
      frameworks: [],
    });
  });

  it("is idempotent: a second run leaves exactly the same rows", async () => {
    const before = dump();
    expect(await seedImageCatalog()).toEqual({ repositories: 5, tags: before.tags.length });
    expect(dump()).toEqual(before);
  });

  it("never erases what a push recorded", async () => {
    const tag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
    const pushedAt = new Date("2025-01-02T03:04:05Z");
    await upsertImageTag({
      namespace: "base_image",
      name: "openmind",
      tag,
      availableLocally: true,
      updatedAt: pushedAt,
      manifests: [{ arch: "arm64", digest: digest("a"), size: 3_600_123_456 }],
      manifestMode: "replace",
    });
    await seedImageCatalog();
    expect(await tagRow("openmind", tag)).toMatchObject({
      availableLocally: true,
      updatedAt: pushedAt,
      space: true,
      modelCi: true,
      manifests: [{ arch: "arm64", digest: digest("a"), size: 3_600_123_456 }],
    });
  });
});

describe("upsertImageTag (what the registry calls on push)", () => {
  it("creates a private repository, parses the tag's variables and replaces the manifests", async () => {
    const tag = "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-mindspore2.4.0-openmind1.0.0";
    const first = await upsertImageTag({
      namespace: "pushed",
      name: "openmind",
      tag,
      availableLocally: true,
      manifests: [
        { arch: "arm64", digest: digest("1"), size: 10 },
        { arch: "amd64", digest: digest("2"), size: 20 },
      ],
      manifestMode: "replace",
    });
    expect(first).toMatchObject({
      repository: "pushed/openmind",
      createdRepository: true,
      createdTag: true,
    });
    expect(first.variables?.frameworks).toEqual([
      { name: "pytorch", version: "2.1.0" },
      { name: "mindspore", version: "2.4.0" },
    ]);
    const repo = await findImageRepositoryRow("pushed", "openmind");
    expect(repo).toMatchObject({ category: "llm", visibility: "private", ownerId: null });

    const again = await upsertImageTag({
      namespace: "pushed",
      name: "openmind",
      tag,
      availableLocally: true,
      manifests: [{ arch: "arm64", digest: digest("3"), size: 30 }],
      manifestMode: "replace",
    });
    expect(again).toMatchObject({ createdRepository: false, createdTag: false });
    const row = await findImageTagRow(repo!.id, tag);
    expect(row).toMatchObject({
      python: "3.10",
      cann: "8.0.rc3.beta1",
      openmindVersion: "1.0.0",
      hardware: "npu",
      availableLocally: true,
      manifests: [{ arch: "arm64", digest: digest("3"), size: 30 }],
    });
  });

  it("keeps a tag outside the grammar, without variables", async () => {
    const result = await upsertImageTag({
      namespace: "pushed",
      name: "openmind",
      tag: "nightly",
      availableLocally: true,
      manifests: [{ arch: "arm64", digest: digest("4"), size: 1 }],
    });
    expect(result.variables).toBeNull();
    const app = await upsertImageTag({
      namespace: "alice",
      name: "my-app",
      tag: "v1",
      repository: { visibility: "public", description: "Demo" },
    });
    expect(app).toMatchObject({ createdRepository: true, variables: null });
    expect(await findImageRepositoryRow("alice", "my-app")).toMatchObject({
      category: "app",
      visibility: "public",
      description: "Demo",
    });
  });

  it.each([
    [{ namespace: "Bad Name", name: "openmind", tag: "x" }],
    [{ namespace: "pushed", name: "openmind", tag: "-x" }],
    [
      {
        namespace: "pushed",
        name: "openmind",
        tag: "x",
        manifests: [{ arch: "arm64", digest: "md5:abc", size: 1 }],
      },
    ],
    [
      {
        namespace: "pushed",
        name: "openmind",
        tag: "x",
        manifests: [{ arch: "arm64", digest: null, size: -1 }],
      },
    ],
    [{ namespace: "pushed", name: "openmind", tag: "x", sources: ["ghcr.io"] }],
  ])("refuses invalid input and changes nothing: %j", async (input) => {
    const before = dump();
    await expect(upsertImageTag(input as never)).rejects.toBeInstanceOf(ZodError);
    expect(dump()).toEqual(before);
  });
});

import { beforeAll, describe, expect, it } from "vitest";

import { insertMember } from "@/db/queries/orgs";
import { AppError } from "@/lib/errors";
import { makeOrg, makeUser, sessionCaller, tokenCaller } from "@/test/factories";

import { listImageRepositories, listImageTags } from "./catalog";
import { seedImageCatalog } from "./catalog-seed";
import { upsertImageRepository, upsertImageTag } from "./catalog-write";
import { getImageTag } from "./tag-detail";

const digest = (c: string) => `sha256:${c.repeat(64)}`;
let owner: Awaited<ReturnType<typeof makeUser>>;
let member: Awaited<ReturnType<typeof makeUser>>;
let stranger: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  await seedImageCatalog();
  owner = await makeUser();
  member = await makeUser();
  stranger = await makeUser();
  admin = await makeUser({ isAdmin: true });
  const org = await makeOrg(owner);
  await insertMember(org.id, member.id, "read");
  // A private repository of an organisation, and a private one of the hub itself.
  await upsertImageRepository({
    namespace: org.name,
    name: "secret-runtime",
    category: "inference",
    description: "Internal",
    visibility: "private",
    ownerId: org.id,
  });
  await upsertImageTag({
    namespace: org.name,
    name: "secret-runtime",
    tag: "v1",
    manifests: [{ arch: "arm64", digest: digest("b"), size: 5 }],
  });
  await upsertImageTag({
    namespace: "base_image",
    name: "internal-tool",
    tag: "v1",
    repository: { category: "tool" },
  });
});

const names = (list: { fullName: string }[]) => list.map((r) => r.fullName);

describe("listImageRepositories", () => {
  it("lists the public repositories by category with tag counts", async () => {
    const { repositories, categories } = await listImageRepositories(null);
    expect(names(repositories)).toEqual([
      "base_image/cann",
      "base_image/mindspore",
      "base_image/openmind",
      "base_image/python",
      "base_image/pytorch",
    ]);
    expect(categories).toEqual({ base: 2, framework: 2, llm: 1, inference: 0, tool: 0, app: 0 });
    const openmind = repositories.find((r) => r.name === "openmind")!;
    expect(openmind).toMatchObject({
      tagCount: 14,
      matchingTagCount: 14,
      category: "llm",
      visibility: "public",
    });

    const frameworks = await listImageRepositories(null, { category: "framework" });
    expect(names(frameworks.repositories)).toEqual(["base_image/mindspore", "base_image/pytorch"]);
    expect(frameworks.categories.base).toBe(2);
  });

  it("keeps the repositories with tags matching the filters, counting them", async () => {
    const { repositories, categories } = await listImageRepositories(null, {
      filters: { framework: "pytorch", hardware: "npu" },
    });
    expect(repositories.map((r) => [r.fullName, r.matchingTagCount])).toEqual([
      // 0.7.1 and 0.8.0 with PyTorch alone and with both frameworks, 0.9.1, 1.0.0
      ["base_image/openmind", 6],
      ["base_image/pytorch", 3],
    ]);
    expect(categories).toMatchObject({ base: 0, framework: 1, llm: 1 });

    const arch = await listImageRepositories(null, {
      filters: { arch: "amd64", openmind: "0.8.0" },
    });
    expect(arch.repositories.map((r) => [r.fullName, r.matchingTagCount])).toEqual([
      ["base_image/openmind", 2],
    ]);
    const byText = await listImageRepositories(null, { q: "torch_npu" });
    expect(names(byText.repositories)).toEqual(["base_image/pytorch"]);
    const none = await listImageRepositories(null, { filters: { python: "3.12" } });
    expect(none.repositories).toEqual([]);
  });

  it("shows a private repository only to those who may read it", async () => {
    const isListed = async (caller: Parameters<typeof listImageRepositories>[0], name: string) =>
      (await listImageRepositories(caller)).repositories.some((r) => r.name === name);
    expect(await isListed(null, "secret-runtime")).toBe(false);
    expect(await isListed(sessionCaller(stranger), "secret-runtime")).toBe(false);
    expect(await isListed(tokenCaller(member, "read"), "secret-runtime")).toBe(true);
    expect(await isListed(sessionCaller(owner), "secret-runtime")).toBe(true);
    expect(await isListed(sessionCaller(admin), "secret-runtime")).toBe(true);
    // The hub's own private repository: site admins only.
    expect(await isListed(sessionCaller(owner), "internal-tool")).toBe(false);
    expect(await isListed(sessionCaller(admin), "internal-tool")).toBe(true);
    expect((await listImageRepositories(null)).categories.inference).toBe(0);
  });
});

describe("listImageTags", () => {
  it("lists tags newest first, with the filter values of the repository", async () => {
    const { repository, tags, facets } = await listImageTags(null, "base_image", "openmind");
    expect(repository).toMatchObject({
      fullName: "base_image/openmind",
      tagCount: 14,
      matchingTagCount: 14,
    });
    expect(tags.slice(0, 4).map((t) => t.tag)).toEqual([
      "latest",
      "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0",
      "openeuler-python3.10-cann8.0.rc3.beta1-mindspore2.4.0-openmind1.0.0",
      "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.9.1",
    ]);
    expect(tags[0]).toMatchObject({ grammar: false, python: null });
    expect(facets).toEqual({
      os: ["openeuler"],
      python: ["3.8", "3.9", "3.10"],
      cann: ["8.0.rc1.beta1", "8.0.rc2.beta1", "8.0.rc3.beta1"],
      chip: ["910b"],
      pytorch: ["2.1.0"],
      mindspore: ["2.3.0rc1", "2.3.1", "2.4.0"],
      openmind: ["0.7.1", "0.8.0", "0.9.1", "1.0.0"],
      hardware: ["cpu", "npu"],
      arch: ["amd64", "arm64"],
    });
  });

  it("filters tags", async () => {
    const { repository, tags } = await listImageTags(null, "base_image", "openmind", {
      framework: "mindspore",
      frameworkVersion: "2.3.1",
      hardware: "npu",
    });
    expect(tags.map((t) => t.tag)).toEqual([
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
      "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
    ]);
    expect(repository.matchingTagCount).toBe(2);
    const space = await listImageTags(null, "base_image", "openmind", {
      space: true,
      hardware: "cpu",
      q: "python3.8",
    });
    expect(space.tags.map((t) => t.tag)).toEqual([
      "openeuler-python3.8-pytorch2.1.0-openmind0.7.1",
      "openeuler-python3.8-mindspore2.3.0rc1-openmind0.7.1",
    ]);
    const cann = await listImageTags(null, "base_image", "cann", {
      chip: "910b",
      os: "ubuntu",
      python: "3.8",
    });
    expect(cann.tags.map((t) => t.tag)).toEqual([
      "8.0.rc1-910b-ubuntu22.04-py3.8",
      "ubuntu-python3.8-cann8.0.rc1",
      "ubuntu-python3.8-cann8.0.rc1.beta1",
      "ubuntu-python3.8-cann7.0.1.beta1",
    ]);
  });

  it("answers 404 for a repository the caller may not read, or that does not exist", async () => {
    const org = (await listImageRepositories(sessionCaller(owner))).repositories.find(
      (r) => r.name === "secret-runtime",
    )!;
    await expect(listImageTags(null, org.namespace, "secret-runtime")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      listImageTags(sessionCaller(stranger), org.namespace, "secret-runtime"),
    ).rejects.toBeInstanceOf(AppError);
    expect(
      (await listImageTags(tokenCaller(member, "read"), org.namespace, "secret-runtime")).tags,
    ).toHaveLength(1);
    await expect(listImageTags(null, "base_image", "nope")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("getImageTag", () => {
  it("gives the stack bottom-up, the parent chain, pull and run commands and the Dockerfile", async () => {
    const detail = await getImageTag(
      null,
      "base_image",
      "openmind",
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
    );
    expect(
      detail.stack.map(
        (l) =>
          `${l.layer} ${l.name} ${l.version}${l.detail ? ` ${l.detail}` : ""}${l.implied ? " (implied)" : ""}`,
      ),
    ).toEqual([
      "os openEuler 22.03 (implied)",
      "python Python 3.9",
      "cann CANN 8.0.rc2.beta1 910b (implied)",
      "framework PyTorch 2.1.0",
      "openmind openMind 0.8.0",
    ]);
    expect(detail.parents).toEqual([
      {
        repository: "base_image/pytorch",
        tag: "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0",
        repositoryInCatalog: true,
        inCatalog: false,
        pull: null,
      },
      {
        repository: "base_image/cann",
        tag: "openeuler-python3.9-cann8.0.rc2.beta1",
        repositoryInCatalog: true,
        inCatalog: true,
        pull: expect.objectContaining({
          reference: "quay.io/ascend/cann:openeuler-python3.9-cann8.0.rc2.beta1",
        }) as unknown,
      },
      {
        repository: "base_image/python",
        tag: "3.9-openeuler22.03",
        repositoryInCatalog: true,
        inCatalog: false,
        pull: null,
      },
    ]);
    expect(detail.pull).toEqual([
      {
        registry: "registry.modelers.cn",
        label: "modelers.cn",
        reference:
          "registry.modelers.cn/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
        command:
          "docker pull registry.modelers.cn/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      },
    ]);
    expect(detail.run).toContain("--device /dev/davinci0");
    expect(detail.dockerfile).toMatch(
      /^FROM localhost:3000\/base_image\/pytorch:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0$/m,
    );
    expect(detail).toMatchObject({
      violations: [],
      space: true,
      modelCi: true,
      hardware: "npu",
      dockerfileReason: null,
    });
  });

  it("lists this hub's registry first once the tag is pushed here", async () => {
    await upsertImageTag({
      namespace: "base_image",
      name: "cann",
      tag: "ubuntu-python3.9-cann8.0.rc2.beta1",
      availableLocally: true,
    });
    const detail = await getImageTag(
      null,
      "base_image",
      "cann",
      "ubuntu-python3.9-cann8.0.rc2.beta1",
    );
    expect(detail.pull.map((p) => p.reference)).toEqual([
      "localhost:3000/base_image/cann:ubuntu-python3.9-cann8.0.rc2.beta1",
      "quay.io/ascend/cann:ubuntu-python3.9-cann8.0.rc2.beta1",
      "ascendai/cann:ubuntu-python3.9-cann8.0.rc2.beta1",
      "registry.modelers.cn/base_image/cann:ubuntu-python3.9-cann8.0.rc2.beta1",
    ]);
    expect(detail.parents).toMatchObject([
      { repository: "base_image/python", tag: "3.9-ubuntu22.04", inCatalog: false },
    ]);
  });

  it("names the parent in FROM where it can be pulled: upstream, then this hub once it holds it", async () => {
    const from = async () =>
      (
        await getImageTag(
          null,
          "base_image",
          "pytorch",
          "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0",
        )
      ).dockerfile?.match(/^FROM (\S+)/m)?.[1];
    expect(await from()).toBe("quay.io/ascend/cann:ubuntu-python3.8-cann8.0.rc1.beta1");
    await upsertImageTag({
      namespace: "base_image",
      name: "cann",
      tag: "ubuntu-python3.8-cann8.0.rc1.beta1",
      availableLocally: true,
    });
    expect(await from()).toBe("localhost:3000/base_image/cann:ubuntu-python3.8-cann8.0.rc1.beta1");
  });

  it("shows a tag outside the grammar without a stack or Dockerfile", async () => {
    const latest = await getImageTag(null, "base_image", "openmind", "latest");
    expect(latest).toMatchObject({
      grammar: false,
      variables: null,
      stack: [],
      parents: [],
      dockerfile: null,
    });
    expect(latest.dockerfileReason).toMatch(/does not follow/);
  });

  it("answers 404 for a missing tag or a tag the caller may not read", async () => {
    await expect(getImageTag(null, "base_image", "openmind", "nope")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      getImageTag(sessionCaller(owner), "base_image", "internal-tool", "v1"),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getImageTag(sessionCaller(admin), "base_image", "internal-tool", "v1")).tag).toBe(
      "v1",
    );
  });
});

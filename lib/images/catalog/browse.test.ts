import { beforeAll, describe, expect, it } from "vitest";

import { insertMember } from "@/db/queries/orgs";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { makeOrg, makeUser, sessionCaller } from "@/test/factories";

import {
  browseImageCatalog,
  browseImageRepository,
  tagsPerPage,
  type ImageFacetName,
} from "./browse";
import { listImageRepositories, type ImageTagFilters } from "./catalog";
import { seedImageCatalog } from "./catalog-seed";
import { upsertImageRepository, upsertImageTag } from "./catalog-write";

let member: Caller;
let orgName: string;

beforeAll(async () => {
  await seedImageCatalog();
  const owner = await makeUser();
  const user = await makeUser();
  const org = await makeOrg(owner);
  await insertMember(org.id, user.id, "read");
  member = sessionCaller(user);
  orgName = org.name;
  await upsertImageRepository({
    namespace: org.name,
    name: "openmind",
    category: "llm",
    description: "Our own builds",
    visibility: "private",
    ownerId: org.id,
  });
  // A private tag with an architecture no public tag has.
  await upsertImageTag({
    namespace: org.name,
    name: "openmind",
    tag: "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0",
    manifests: [{ arch: "riscv64", digest: null, size: null }],
  });
});

const counts = (options: { value: string; count: number }[]) =>
  Object.fromEntries(options.map((o) => [o.value, o.count]));

/** The filter a facet option stands for. */
function filterOf(facet: ImageFacetName, value: string, base: ImageTagFilters): ImageTagFilters {
  if (facet === "space" || facet === "modelCi") return { ...base, [facet]: true };
  if (facet === "framework")
    return { ...base, framework: value as "pytorch", frameworkVersion: undefined };
  return { ...base, [facet]: value };
}

describe("browseImageCatalog", () => {
  it("counts the tags each filter value matches, ignoring the facet's own choice", async () => {
    const { facets } = await browseImageCatalog(null, {
      filters: { framework: "pytorch", hardware: "npu" },
    });
    // Hardware counts are among PyTorch tags; framework counts among NPU tags.
    expect(counts(facets.hardware)).toEqual({ npu: 9, cpu: 3 });
    expect(counts(facets.framework)).toEqual({ pytorch: 9, mindspore: 7 });
    expect(facets.hardware.map((o) => o.value)).toEqual(["npu", "cpu"]);
    // Versions newest first, only of the chosen framework.
    expect(facets.frameworkVersion.map((o) => o.value)).toEqual(["2.2.0", "2.1.0"]);
    expect(facets.openmind.map((o) => o.value)).toEqual(["1.0.0", "0.9.1", "0.8.0", "0.7.1"]);
    expect(counts(facets.space)).toEqual({ true: 2 });
  });

  it("gives every value, with 0 where choosing it would list nothing", async () => {
    const { facets } = await browseImageCatalog(null, {
      filters: { os: "ubuntu", openmind: "0.8.0" },
    });
    expect(counts(facets.os)).toMatchObject({ openeuler: 5, ubuntu: 0 });
    expect(facets.openmind.find((o) => o.value === "1.0.0")).toEqual({ value: "1.0.0", count: 0 });
    expect(facets.frameworkVersion).toEqual([]);
  });

  it.each<[string, ImageTagFilters]>([
    ["no filters", {}],
    ["PyTorch on NPU", { framework: "pytorch", hardware: "npu" }],
    ["Python 3.9 Space images", { python: "3.9", space: true }],
    ["arm64 CANN 8.0.rc1.beta1", { arch: "arm64", cann: "8.0.rc1.beta1" }],
  ])("agrees with the listing for every value (%s)", async (_label, base) => {
    const { facets } = await browseImageCatalog(null, { filters: base });
    for (const [facet, options] of Object.entries(facets) as [
      ImageFacetName,
      { value: string; count: number }[],
    ][]) {
      for (const option of options) {
        const { repositories } = await listImageRepositories(null, {
          filters: filterOf(facet, option.value, base),
        });
        const listed = repositories.reduce((sum, r) => sum + r.matchingTagCount, 0);
        expect(option.count, `${facet}=${option.value}`).toBe(listed);
      }
    }
  });

  it("counts within the chosen category and search text", async () => {
    const base = await browseImageCatalog(null, { category: "base" });
    expect(base.repositories.map((r) => r.fullName)).toEqual([
      "base_image/cann",
      "base_image/python",
    ]);
    expect(base.facets.framework).toEqual([]);
    const searched = await browseImageCatalog(null, { q: "MindSpore on CANN" });
    expect(searched.repositories.map((r) => r.fullName)).toEqual(["base_image/mindspore"]);
    expect(counts(searched.facets.hardware)).toEqual({ npu: 2, cpu: 1 });
  });

  it("counts a private repository's tags only for those who may see it", async () => {
    const anonymous = await browseImageCatalog(null);
    expect(anonymous.repositories.map((r) => r.fullName)).not.toContain(`${orgName}/openmind`);
    expect(anonymous.facets.arch.map((o) => o.value)).toEqual(["amd64", "arm64"]);
    const mine = await browseImageCatalog(member);
    expect(mine.repositories.map((r) => r.fullName)).toContain(`${orgName}/openmind`);
    expect(counts(mine.facets.arch)).toMatchObject({ riscv64: 1 });
  });
});

describe("browseImageRepository", () => {
  it("lists one page of tags, newest first, with the repository's facets", async () => {
    const result = await browseImageRepository(null, {
      namespace: "base_image",
      name: "openmind",
      filters: { framework: "pytorch", hardware: "npu" },
    });
    expect(result.repository).toMatchObject({ tagCount: 14, matchingTagCount: 6 });
    expect(result.tags[0]?.tag).toBe(
      "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0",
    );
    expect(result).toMatchObject({ page: 1, pageCount: 1 });
    expect(counts(result.facets.hardware)).toEqual({ npu: 6, cpu: 2 });
    expect(result.facets.cann.map((o) => o.value)).toEqual([
      "8.0.rc3.beta1",
      "8.0.rc2.beta1",
      "8.0.rc1.beta1",
    ]);
  });

  it("pages through long lists and clamps a page past the end", async () => {
    const owner = await makeUser();
    const namespace = owner.name;
    for (let i = 0; i < tagsPerPage + 3; i++) {
      await upsertImageTag({
        namespace,
        name: "tool",
        tag: `v${String(i).padStart(2, "0")}`,
        repository: { category: "tool", visibility: "public", ownerId: owner.id },
      });
    }
    const first = await browseImageRepository(null, { namespace, name: "tool" });
    expect(first).toMatchObject({ page: 1, pageCount: 2 });
    expect(first.tags).toHaveLength(tagsPerPage);
    const last = await browseImageRepository(null, { namespace, name: "tool", page: 99 });
    expect(last.page).toBe(2);
    expect(last.tags).toHaveLength(3);
    expect(new Set([...first.tags, ...last.tags].map((t) => t.tag)).size).toBe(tagsPerPage + 3);
  });

  it("is missing (404) for a private repository to whoever may not see it", async () => {
    await expect(
      browseImageRepository(null, { namespace: orgName, name: "openmind" }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === "not_found");
    const mine = await browseImageRepository(member, { namespace: orgName, name: "openmind" });
    expect(mine.tags).toHaveLength(1);
  });
});

import "server-only";

import type { ImageArch, ImageCategory, ImageSource } from "@/db/schema/image-enums";

import { upsertImageRepository, upsertImageTag } from "./catalog-write";

// The real published tags of the layered images, from /shared/reference/openmind-platform.md:
//   §9.2–9.4  the modelers.cn image catalogue (RT image_center/data.json, 2024-09-26), with its
//             Space / model CI flags, architectures and sizes;
//   §9.2      the later openMind tags cited in third-party docs (their prefix was elided where
//             cited; ASSUMPTION: the prefix of the 0.9.1 tag, the only one cited in full);
//   §10.5/7   tags of the Ascend builders (openmerlin/dockerfile, Ascend/cann-container-image).
// Sizes are the catalogue's (decimal units, rounded); no source lists digests, so none are stored.
// Bare version aliases of the Ascend builders (`8.0.rc1`, `2.1.0`) are left out: they name no
// variables and only repeat a listed tag.

type SeedTag = {
  tag: string;
  sources: ImageSource[];
  /** Architectures published, with the size where the source lists one. */
  arches: Partial<Record<ImageArch, number | null>>;
  space?: true;
  modelCi?: true;
};

const modelers: ImageSource[] = ["registry.modelers.cn"];
// The article: "CANN and AI framework images are published to Docker Hub (ascendai), quay.io/ascend and modelers.cn".
const everywhere: ImageSource[] = ["quay.io/ascend", "docker.io/ascendai", "registry.modelers.cn"];
const ascendBuilders: ImageSource[] = ["quay.io/ascend", "docker.io/ascendai"];
const GB = (n: number) => Math.round(n * 1_000_000_000);
const MB = (n: number) => Math.round(n * 1_000_000);
// [CAT] CANN tags are multi-arch; the Ascend builders build every image for both.
const both = { amd64: null, arm64: null };

const openmindTags: SeedTag[] = [
  // "latest" = the newest NPU image with both frameworks (arm64).
  { tag: "latest", sources: modelers, arches: { arm64: null } },
  {
    tag: "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-mindspore2.3.1-openmind0.8.0",
    sources: modelers,
    arches: { arm64: GB(4.0) },
  },
  {
    tag: "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
    sources: modelers,
    arches: { arm64: GB(3.6) },
    space: true,
    modelCi: true,
  },
  {
    tag: "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
    sources: modelers,
    arches: { arm64: GB(3.9) },
    space: true,
    modelCi: true,
  },
  {
    tag: "openeuler-python3.9-mindspore2.3.1-openmind0.8.0",
    sources: modelers,
    arches: { amd64: GB(1.5) },
    space: true,
    // Beyond openMind: CPU images are CI environments too, so CI runs without NPUs.
    modelCi: true,
  },
  {
    tag: "openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
    sources: modelers,
    arches: { amd64: MB(743) },
    space: true,
    // Beyond openMind: CPU images are CI environments too, so CI runs without NPUs.
    modelCi: true,
  },
  {
    tag: "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-mindspore2.3.0rc1-openmind0.7.1",
    sources: modelers,
    arches: { arm64: null },
  },
  {
    tag: "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.7.1",
    sources: modelers,
    arches: { arm64: null },
    space: true,
    modelCi: true,
  },
  {
    tag: "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1",
    sources: modelers,
    arches: { arm64: null },
    space: true,
    modelCi: true,
  },
  {
    tag: "openeuler-python3.8-mindspore2.3.0rc1-openmind0.7.1",
    sources: modelers,
    arches: { amd64: null },
    space: true,
  },
  {
    tag: "openeuler-python3.8-pytorch2.1.0-openmind0.7.1",
    sources: modelers,
    arches: { amd64: null },
    space: true,
  },
  // Later tags (ASSUMPTION: arm64 like every other openMind NPU image).
  {
    tag: "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.9.1",
    sources: modelers,
    arches: { arm64: null },
  },
  {
    tag: "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0",
    sources: modelers,
    arches: { arm64: null },
  },
  {
    tag: "openeuler-python3.10-cann8.0.rc3.beta1-mindspore2.4.0-openmind1.0.0",
    sources: modelers,
    arches: { arm64: null },
  },
];

const cannTags: SeedTag[] = [
  { tag: "latest", sources: everywhere, arches: both },
  { tag: "openeuler-python3.9-cann8.0.rc3.alpha002", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.9-cann8.0.rc3.alpha002", sources: everywhere, arches: both },
  { tag: "openeuler-python3.9-cann8.0.rc2.beta1", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.9-cann8.0.rc2.beta1", sources: everywhere, arches: both },
  { tag: "openeuler-python3.8-cann8.0.rc1.beta1", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.8-cann8.0.rc1.beta1", sources: everywhere, arches: both },
  { tag: "openeuler-python3.8-cann7.0.1.beta1", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.8-cann7.0.1.beta1", sources: everywhere, arches: both },
  // openmerlin/dockerfile published one build under both forms.
  { tag: "8.0.rc1-910b-ubuntu22.04-py3.8", sources: ascendBuilders, arches: both },
  { tag: "ubuntu-python3.8-cann8.0.rc1", sources: ascendBuilders, arches: both },
  // Ascend/cann-container-image.
  { tag: "8.1.rc1-910b-openeuler22.03-py3.11", sources: ascendBuilders, arches: both },
];

const pytorchTags: SeedTag[] = [
  { tag: "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.2.0", sources: everywhere, arches: both },
  { tag: "openeuler-python3.8-pytorch2.1.0", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.8-cann8.0.rc1-pytorch2.1.0", sources: ascendBuilders, arches: both },
];

const mindsporeTags: SeedTag[] = [
  {
    tag: "ubuntu-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1",
    sources: everywhere,
    arches: both,
  },
  { tag: "openeuler-python3.8-mindspore2.3.0rc1", sources: everywhere, arches: both },
  { tag: "ubuntu-python3.10-cann8.0.rc3-mindspore2.4.0", sources: ascendBuilders, arches: both },
];

const pythonTags: SeedTag[] = [{ tag: "3.10-ubuntu22.04", sources: ascendBuilders, arches: both }];

const seedNamespace = "base_image";

export type SeedRepository = {
  name: string;
  category: ImageCategory;
  description: string;
  tags: SeedTag[];
};

export const seedRepositories: SeedRepository[] = [
  {
    name: "python",
    category: "base",
    tags: pythonTags,
    description:
      "Python built from source on Ubuntu and openEuler: the bottom layer of the image stack.",
  },
  {
    name: "cann",
    category: "base",
    tags: cannTags,
    description:
      "The Ascend CANN toolkit and operator packages on the Python base: the foundation of every NPU image.",
  },
  {
    name: "pytorch",
    category: "framework",
    tags: pytorchTags,
    description: "PyTorch with torch_npu on CANN for Ascend NPUs, or PyTorch alone for CPU.",
  },
  {
    name: "mindspore",
    category: "framework",
    tags: mindsporeTags,
    description: "MindSpore on CANN for Ascend NPUs, or for CPU.",
  },
  {
    name: "openmind",
    category: "llm",
    tags: openmindTags,
    description:
      "The openMind library on PyTorch and/or MindSpore: the environments of Spaces and model CI.",
  },
];

/** Writes the seed catalog; safe to run any number of times (it never erases what a push recorded). */
export async function seedImageCatalog(): Promise<{ repositories: number; tags: number }> {
  let tags = 0;
  for (const repo of seedRepositories) {
    await upsertImageRepository({
      namespace: seedNamespace,
      name: repo.name,
      category: repo.category,
      description: repo.description,
      visibility: "public",
      ownerId: null,
    });
    for (const t of repo.tags) {
      await upsertImageTag({
        namespace: seedNamespace,
        name: repo.name,
        tag: t.tag,
        sources: t.sources,
        space: t.space,
        modelCi: t.modelCi,
        manifests: Object.entries(t.arches).map(([arch, size]) => ({
          arch,
          digest: null,
          size: size ?? null,
        })),
        manifestMode: "merge",
      });
      tags++;
    }
  }
  return { repositories: seedRepositories.length, tags };
}

import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { makeUser, sessionCaller } from "@/test/factories";

import { seedImageCatalog } from "./catalog-seed";
import { upsertImageRepository, upsertImageTag } from "./catalog-write";
import { listSelectableImages, selectImage, type SelectImageInput } from "./select";

async function selected(input: SelectImageInput, caller: Parameters<typeof selectImage>[1] = null) {
  const result = await selectImage(input, caller);
  if (!result.ok) throw new Error(`expected a selection, got: ${result.reason}`);
  return result.selection;
}

async function reason(input: SelectImageInput) {
  const result = await selectImage(input);
  if (result.ok) throw new Error(`expected no selection, got ${result.selection.tag}`);
  return result.reason;
}

beforeAll(async () => {
  await seedImageCatalog();
});

describe("selectImage from the seeded catalog", () => {
  it("picks the newest Space-enabled NPU PyTorch openMind image", async () => {
    expect(await selected({ purpose: "space", hardware: "npu", framework: "pytorch" })).toEqual({
      image:
        "localhost:3000/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      repository: "base_image/openmind",
      tag: "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      variables: {
        image: "openmind",
        os: "openeuler",
        osVersion: null,
        python: "3.9",
        cann: "8.0.rc2.beta1",
        chip: null,
        frameworks: [{ name: "pytorch", version: "2.1.0" }],
        openmind: "0.8.0",
        hardware: "npu",
        devel: false,
      },
      availableLocally: false,
      sources: ["registry.modelers.cn"],
      pull: [
        {
          registry: "registry.modelers.cn",
          label: "modelers.cn",
          reference:
            "registry.modelers.cn/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
          command:
            "docker pull registry.modelers.cn/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
        },
      ],
    });
  });

  it.each<[SelectImageInput, string]>([
    [
      { purpose: "space", hardware: "cpu", framework: "mindspore" },
      "openeuler-python3.9-mindspore2.3.1-openmind0.8.0",
    ],
    [
      { purpose: "space", hardware: "cpu", framework: "pytorch", python: "3.8" },
      "openeuler-python3.8-pytorch2.1.0-openmind0.7.1",
    ],
    [
      { purpose: "model_ci", hardware: "npu", framework: "mindspore" },
      "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
    ],
    [
      {
        purpose: "model_ci",
        hardware: "npu",
        framework: "mindspore",
        frameworkVersion: "2.3.0rc1",
      },
      "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1",
    ],
    [
      {
        purpose: "model_ci",
        hardware: "npu",
        framework: "pytorch",
        openmindVersion: "0.7.1",
        python: "3.8",
      },
      "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.7.1",
    ],
  ])("selects %j", async (input, tag) => {
    expect((await selected(input)).tag).toBe(tag);
  });

  it.each<[SelectImageInput, string]>([
    [
      { purpose: "space", hardware: "npu", framework: "mindspore", frameworkVersion: "2.2.0" },
      "No Space image has MindSpore 2.2.0 on NPU; available versions: 2.3.0rc1, 2.3.1.",
    ],
    [
      { purpose: "model_ci", hardware: "cpu", framework: "pytorch", openmindVersion: "0.7.1" },
      "No model CI image has PyTorch with openMind 0.7.1 on CPU; available openMind versions: 0.8.0.",
    ],
    [
      // Only cited, not offered to Spaces (the reference lists no Space flag for it).
      { purpose: "space", hardware: "npu", framework: "pytorch", openmindVersion: "0.9.1" },
      "No Space image has PyTorch with openMind 0.9.1 on NPU; available openMind versions: 0.7.1, 0.8.0.",
    ],
    [
      {
        purpose: "space",
        hardware: "npu",
        framework: "pytorch",
        frameworkVersion: "2.1.0",
        openmindVersion: "0.8.0",
        python: "3.10",
      },
      "No Space image has PyTorch 2.1.0 with openMind 0.8.0 and Python 3.10 on NPU; available Python versions: 3.9.",
    ],
  ])("explains why nothing fits %j", async (input, message) => {
    expect(await reason(input)).toBe(message);
  });

  it("lists every offered image for the environment pickers, newest first", async () => {
    const npu = await listSelectableImages({ purpose: "space", hardware: "npu" });
    expect(npu.map((s) => s.tag)).toEqual([
      "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
      "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.7.1",
      "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1",
    ]);
    const ci = await listSelectableImages({ purpose: "model_ci", framework: "mindspore" });
    expect(ci.map((s) => s.variables.frameworks[0]!.version)).toEqual([
      "2.3.1",
      "2.3.1",
      "2.3.0rc1",
    ]);
    expect(
      (await listSelectableImages({ purpose: "model_ci", hardware: "cpu" })).map((s) => s.tag),
    ).toEqual([
      "openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
      "openeuler-python3.9-mindspore2.3.1-openmind0.8.0",
    ]);
  });

  it("refuses malformed input", async () => {
    await expect(
      selectImage({ purpose: "demo" as never, hardware: "npu", framework: "pytorch" }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      selectImage({ purpose: "space", hardware: "npu", framework: "pytorch", python: "three" }),
    ).rejects.toBeInstanceOf(ZodError);
  });
});

describe("newest wins", () => {
  const npuPytorch = { purpose: "space", hardware: "npu", framework: "pytorch" } as const;
  let owner: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    owner = await makeUser();
    await upsertImageRepository({
      namespace: owner.name,
      name: "openmind",
      category: "llm",
      description: "",
      visibility: "private",
      ownerId: owner.id,
    });
  });

  const add = (tag: string) =>
    upsertImageTag({ namespace: owner.name, name: "openmind", tag, space: true });

  it("orders by openMind, then the framework, then CANN, then Python, versions compared as versions", async () => {
    const pick = async () => (await selected(npuPytorch, sessionCaller(owner))).tag;
    await add("openeuler-python3.10-cann8.0.rc3.alpha002-pytorch2.1.0-openmind0.8.0");
    expect(await pick()).toBe(
      "openeuler-python3.10-cann8.0.rc3.alpha002-pytorch2.1.0-openmind0.8.0",
    );
    // beta1 of RC3 is newer than its alpha002, whatever the Python.
    await add("openeuler-python3.9-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.8.0");
    expect(await pick()).toBe("openeuler-python3.9-cann8.0.rc3.beta1-pytorch2.1.0-openmind0.8.0");
    // A newer framework beats a newer CANN.
    await add("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.2.0-openmind0.8.0");
    expect(await pick()).toBe("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.2.0-openmind0.8.0");
    // A newer openMind beats everything below it; then Python decides between equals.
    await add("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.9.1");
    expect(await pick()).toBe("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.9.1");
    await add("openeuler-python3.10-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.9.1");
    expect(await pick()).toBe("openeuler-python3.10-cann8.0.rc1.beta1-pytorch2.1.0-openmind0.9.1");
    // A release candidate of 1.0.0 is newer than 0.9.1, and older than 1.0.0.
    await add("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind1.0.0rc1");
    expect(await pick()).toBe(
      "openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind1.0.0rc1",
    );
    await add("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind1.0.0");
    expect(await pick()).toBe("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind1.0.0");
    // With both frameworks at equal versions, the smaller single-framework image wins.
    await add("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-mindspore2.3.0rc1-openmind1.0.0");
    expect(await pick()).toBe("openeuler-python3.8-cann8.0.rc1.beta1-pytorch2.1.0-openmind1.0.0");
  });

  it("never offers a private repository to those who may not read it", async () => {
    const anonymous = await selected(npuPytorch);
    expect(anonymous.repository).toBe("base_image/openmind");
    const stranger = await selected(npuPytorch, sessionCaller(await makeUser()));
    expect(stranger.tag).toBe(anonymous.tag);
    expect(await reason({ ...npuPytorch, openmindVersion: "1.0.0" })).toMatch(
      /available openMind versions: 0.7.1, 0.8.0\.$/,
    );
  });

  it("says which frameworks exist when the asked one has none", async () => {
    for (const tag of [
      "openeuler-python3.9-cann8.0.rc2.beta1-mindspore2.3.1-openmind0.8.0",
      "openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1",
    ]) {
      await upsertImageTag({ namespace: "base_image", name: "openmind", tag, space: false });
    }
    expect(await reason({ purpose: "space", hardware: "npu", framework: "mindspore" })).toBe(
      "No Space image has MindSpore on NPU; available frameworks: PyTorch.",
    );
  });
});

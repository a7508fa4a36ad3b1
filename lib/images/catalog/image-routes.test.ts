import { beforeAll, describe, expect, it } from "vitest";

import { GET as parseRoute } from "@/app/api/images/parse/route";
import { GET as selectRoute } from "@/app/api/images/select/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { makeUser } from "@/test/factories";

import { seedImageCatalog } from "./catalog-seed";
import { upsertImageRepository, upsertImageTag } from "./catalog-write";

const call = async (
  handler: typeof selectRoute,
  url: string,
  headers: Record<string, string> = {},
) => {
  const response = await handler(new Request(`http://localhost:3000${url}`, { headers }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  await seedImageCatalog();
});

describe("GET /api/images/select", () => {
  it("returns the newest matching image with its pull reference on this hub", async () => {
    const { status, body } = await call(
      selectRoute,
      "/api/images/select?purpose=space&hardware=npu&framework=pytorch",
    );
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["image", "repository", "tag", "variables"]);
    expect(body).toMatchObject({
      image:
        "localhost:3000/base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      repository: "base_image/openmind",
      tag: "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      variables: { python: "3.9", cann: "8.0.rc2.beta1", openmind: "0.8.0", hardware: "npu" },
    });
  });

  it("takes the optional versions", async () => {
    const { status, body } = await call(
      selectRoute,
      "/api/images/select?purpose=model_ci&hardware=npu&framework=mindspore&framework_version=2.3.0rc1&openmind_version=0.7.1&python=3.8",
    );
    expect(status).toBe(200);
    expect(body.tag).toBe("openeuler-python3.8-cann8.0.rc1.beta1-mindspore2.3.0rc1-openmind0.7.1");
  });

  it("answers 422 with a reason a person understands when nothing fits", async () => {
    const { status, body } = await call(
      selectRoute,
      "/api/images/select?purpose=space&hardware=npu&framework=mindspore&framework_version=2.2.0",
    );
    expect(status).toBe(422);
    expect(body.error).toBe(
      "No Space image has MindSpore 2.2.0 on NPU; available versions: 2.3.0rc1, 2.3.1.",
    );
  });

  it.each([
    ["/api/images/select?hardware=npu&framework=pytorch", /purpose=space or purpose=model_ci/],
    [
      "/api/images/select?purpose=space&hardware=gpu&framework=pytorch",
      /hardware=npu or hardware=cpu/,
    ],
    [
      "/api/images/select?purpose=space&hardware=npu&framework=tensorflow",
      /framework=pytorch or framework=mindspore/,
    ],
    [
      "/api/images/select?purpose=space&hardware=npu&framework=pytorch&framework_version=latest",
      /framework_version must be a version/,
    ],
    [
      "/api/images/select?purpose=space&hardware=npu&framework=pytorch&python=3",
      /python must be a version/,
    ],
  ])("answers 400 for %s", async (url, message) => {
    const { status, body } = await call(selectRoute, url);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it("offers a private image to its owner's token only", async () => {
    const owner = await makeUser();
    await upsertImageRepository({
      namespace: owner.name,
      name: "openmind",
      category: "llm",
      description: "",
      visibility: "private",
      ownerId: owner.id,
    });
    const tag = "openeuler-python3.10-cann8.0.rc3.beta1-pytorch2.1.0-openmind1.0.0";
    await upsertImageTag({ namespace: owner.name, name: "openmind", tag, space: true });
    const { token } = await createAccessToken(owner.id, { name: "ci", scope: "read" });
    const url = "/api/images/select?purpose=space&hardware=npu&framework=pytorch";

    const mine = await call(selectRoute, url, { authorization: `Bearer ${token}` });
    expect(mine.body).toMatchObject({ repository: `${owner.name}/openmind`, tag });
    const anonymous = await call(selectRoute, url);
    expect(anonymous.body.repository).toBe("base_image/openmind");
    const forged = await call(selectRoute, url, { authorization: "Bearer hf_notarealtoken" });
    expect(forged.status).toBe(401);
  });
});

describe("GET /api/images/parse", () => {
  it("returns the repository and variables of a tag", async () => {
    const { status, body } = await call(
      parseRoute,
      `/api/images/parse?tag=${encodeURIComponent("registry.modelers.cn/base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0")}`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      repository: "openmind",
      tag: "openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
      variables: {
        image: "openmind",
        os: "openeuler",
        osVersion: null,
        python: "3.9",
        cann: null,
        chip: null,
        frameworks: [{ name: "pytorch", version: "2.1.0" }],
        openmind: "0.8.0",
        hardware: "cpu",
        devel: false,
      },
    });
    const ascend = await call(
      parseRoute,
      "/api/images/parse?tag=8.1.rc1-910b-openeuler22.03-py3.11",
    );
    expect(ascend.body).toMatchObject({
      repository: "cann",
      variables: { chip: "910b", osVersion: "22.03" },
    });
  });

  it.each([
    ["openeuler-python3.x-cann8.0.rc2.beta1", "python", 'python part "python3.x" is not a version'],
    ["8.1.rc1-911-ubuntu22.04-py3.10", "chip", 'chip part "911" is not a known chip'],
    ["foo:openeuler-python3.9-cann8.0.rc2.beta1", "repository", 'unknown repository "foo"'],
    ["openeuler-python3.9-cann8.0.rc2.beta1-junk", "tag", 'unexpected "junk"'],
  ])("answers 400 naming the bad part of %s", async (tag, part, message) => {
    const { status, body } = await call(
      parseRoute,
      `/api/images/parse?tag=${encodeURIComponent(tag)}`,
    );
    expect(status).toBe(400);
    expect(body.error).toContain(message);
    expect(body.fieldErrors).toEqual({ [part]: [expect.stringContaining(message)] });
  });

  it("answers 400 without a tag", async () => {
    const { status, body } = await call(parseRoute, "/api/images/parse");
    expect(status).toBe(400);
    expect(body.error).toMatch(/Give the tag to parse/);
  });
});

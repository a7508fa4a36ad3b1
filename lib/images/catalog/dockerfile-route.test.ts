import { beforeAll, describe, expect, it } from "vitest";

import { GET } from "@/app/images/[namespace]/[name]/tags/[tag]/dockerfile/route";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { makeUser } from "@/test/factories";

import { seedImageCatalog } from "./catalog-seed";
import { upsertImageRepository, upsertImageTag } from "./catalog-write";
import { getImageTag } from "./tag-detail";

const openmindTag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
let owner: Awaited<ReturnType<typeof makeUser>>;
let ownerToken: string;

beforeAll(async () => {
  await seedImageCatalog();
  owner = await makeUser();
  ownerToken = (await createAccessToken(owner.id, { name: "read", scope: "read" })).token;
  await upsertImageRepository({
    namespace: owner.name,
    name: "cann",
    category: "base",
    description: "",
    visibility: "private",
    ownerId: owner.id,
  });
  await upsertImageTag({
    namespace: owner.name,
    name: "cann",
    tag: "openeuler-python3.9-cann8.0.rc2.beta1",
  });
  // A public openMind image whose CANN parent lives in the private repository above.
  await upsertImageTag({
    namespace: owner.name,
    name: "openmind",
    tag: openmindTag,
    repository: { category: "llm", visibility: "public", ownerId: owner.id },
  });
});

const get = (
  params: { namespace: string; name: string; tag: string },
  headers: Record<string, string> = {},
) =>
  GET(
    new Request(
      `http://localhost:3000/images/${params.namespace}/${params.name}/tags/${params.tag}/dockerfile`,
      { headers },
    ),
    {
      params: Promise.resolve(params),
    },
  );

describe("GET /images/{namespace}/{name}/tags/{tag}/dockerfile", () => {
  it("downloads the generated Dockerfile as text with a file name", async () => {
    const response = await get({ namespace: "base_image", name: "openmind", tag: openmindTag });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="openmind-${openmindTag}.Dockerfile"`,
    );
    const text = await response.text();
    expect(text).toMatch(
      /^FROM localhost:3000\/base_image\/pytorch:openeuler-python3\.9-cann8\.0\.rc2\.beta1-pytorch2\.1\.0$/m,
    );
    expect(text).toContain("openmind==0.8.0");
  });

  it("is missing (404) for a private repository unless the caller may read it", async () => {
    const params = {
      namespace: owner.name,
      name: "cann",
      tag: "openeuler-python3.9-cann8.0.rc2.beta1",
    };
    const anonymous = await get(params);
    expect(anonymous.status).toBe(404);
    // Exactly what a repository that does not exist answers.
    const missing = await get({ ...params, name: "cann-nothing-here" });
    expect(await anonymous.json()).toEqual({
      ...((await missing.json()) as object),
      error: `Image repository ${owner.name}/cann not found.`,
    });
    const mine = await get(params, { authorization: `Bearer ${ownerToken}` });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain("FROM ");
  });

  it("is missing (404) for an unknown tag, a tag without a Dockerfile, and malformed segments", async () => {
    expect((await get({ namespace: "base_image", name: "openmind", tag: "nope" })).status).toBe(
      404,
    );
    const latest = await get({ namespace: "base_image", name: "openmind", tag: "latest" });
    expect(latest.status).toBe(404);
    expect(((await latest.json()) as { error: string }).error).toMatch(/tag grammar/);
    expect(
      (await get({ namespace: "Base Image", name: "openmind", tag: openmindTag })).status,
    ).toBe(404);
    expect(
      (await get({ namespace: "base_image", name: "openmind", tag: "../../etc" })).status,
    ).toBe(404);
  });
});

describe("getImageTag parents", () => {
  it("does not reveal a parent in a private repository to those who may not see it", async () => {
    const cannOf = async (caller: Parameters<typeof getImageTag>[0]) =>
      (await getImageTag(caller, owner.name, "openmind", openmindTag)).parents.find((p) =>
        p.repository.endsWith("/cann"),
      );
    expect(await cannOf(null)).toMatchObject({ inCatalog: false });
    expect(await cannOf({ ...owner, auth: { type: "session" } })).toMatchObject({
      inCatalog: true,
    });
  });
});

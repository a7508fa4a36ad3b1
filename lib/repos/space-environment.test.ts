import { beforeAll, describe, expect, it } from "vitest";

import { findRepoRecordById } from "@/db/queries/repos";
import { findSpaceBuild } from "@/db/queries/spaces";
import { readFileBytes } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";

import { refOf } from "./access";
import { listSpaceBaseImages } from "./space-base-images";
import { setSpaceEnvironment } from "./space-environment";

beforeAll(async () => {
  await seedImageCatalog();
});

describe("a Space's hardware and base environment", () => {
  it("are changed by one commit to its card, which builds it on the new environment", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner, { type: "space" });
    const npu = (await listSpaceBaseImages(sessionCaller(owner))).find(
      (option) => option.hardware === "npu-basic",
    )!;
    const commit = await setSpaceEnvironment(sessionCaller(owner), refOf(record), {
      hardware: "npu-basic",
      baseImage: npu.image,
    });
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    const readme = (
      await readFileBytes(refOf(record), { rev: commit!, path: "README.md", maxBytes: 65536 })
    ).data.toString();
    expect(readme).toContain("hardware: npu-basic");
    expect(readme).toContain(`base_image: ${npu.image}`);
    expect(readme).toContain("sdk: gradio");
    expect((await findRepoRecordById(record.id))?.headCommit).toBe(commit);
    expect(await findSpaceBuild(record.id)).toMatchObject({
      buildState: "queued",
      buildCommit: commit,
    });
    // Saving the same choice again changes nothing.
    expect(
      await setSpaceEnvironment(sessionCaller(owner), refOf(record), {
        hardware: "npu-basic",
        baseImage: npu.image,
      }),
    ).toBeNull();
  });

  it("refuse an image the catalog does not offer for that hardware, and anyone but the Space's admins", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner, { type: "space" });
    const cpu = (await listSpaceBaseImages(sessionCaller(owner))).find(
      (option) => option.hardware === "cpu-basic",
    )!;
    await expect(
      setSpaceEnvironment(sessionCaller(owner), refOf(record), {
        hardware: "npu-basic",
        baseImage: cpu.image,
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      fieldErrors: { baseImage: [expect.any(String)] },
    });
    await expect(
      setSpaceEnvironment(sessionCaller(owner), refOf(record), {
        hardware: "cpu-basic",
        baseImage: "docker.io/library/python:3.11",
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const stranger = await makeAccount();
    await expect(
      setSpaceEnvironment(sessionCaller(stranger), refOf(record), { hardware: "cpu-basic" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await findRepoRecordById(record.id))?.headCommit).toBe(record.headCommit);
  });
});

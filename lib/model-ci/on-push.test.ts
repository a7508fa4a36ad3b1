// `ci: {on: push}` in a model's card: each push to the default branch starts a run by itself.
import { describe, expect, it } from "vitest";

import { findJobRecord } from "@/db/queries/jobs";
import { findRepoRecordById } from "@/db/queries/repos";
import { commitChanges } from "@/lib/hub";
import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";
import { refOf } from "@/lib/repos/access";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

import { syncModelCiOnPush } from "./on-push";
import { listModelCi } from "./results";

const cpuEnvironment = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";

async function pushedModel(readme: string) {
  await seedImageCatalog();
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner);
  const sync = async () => syncModelCiOnPush((await findRepoRecordById(record.id))!);
  const push = async (files: Record<string, string>) => {
    await commitChanges({
      repo: refOf(record),
      branch: "main",
      author,
      message: "push",
      operations: Object.entries(files).map(([path, content]) => ({
        kind: "file" as const,
        path,
        source: { content },
      })),
    });
    await sync();
  };
  await push({ "README.md": readme, "examples/inference.py": "print(1)\n" });
  const results = async () =>
    (await listModelCi(sessionCaller(owner), { owner: record.ownerName, name: record.name }))
      .model_ci;
  return { push, sync, results };
}

describe("CI on push", () => {
  it("starts one run per pushed head, and a newer push replaces the run still waiting", async () => {
    const { push, sync, results } = await pushedModel(
      `---\nci:\n  on: push\n  environments: [${cpuEnvironment}]\n---\n# Model\n`,
    );
    const [first] = await results();
    expect(first).toMatchObject({ status: "queued", image: cpuEnvironment, created_by: null });

    await push({ "config.txt": "2" });
    const [second, replaced] = await results();
    expect(second).toMatchObject({ status: "queued" });
    expect(second!.commit).not.toBe(first!.commit);
    expect(replaced).toMatchObject({
      id: first!.id,
      status: "stopped",
      stop_reason: "cancelled_by_newer_push",
    });
    expect((await findJobRecord(first!.job_id!))!.state).toBe("cancelled");

    // The change listener may see one push twice: still one run for it.
    await sync();
    expect(await results()).toHaveLength(2);
  });

  it("starts nothing for a card without `ci: {on: push}`", async () => {
    const { push, results } = await pushedModel("---\nci:\n  on: manual\n---\n# Model\n");
    await push({ "config.txt": "2" });
    expect(await results()).toEqual([]);
  });
});

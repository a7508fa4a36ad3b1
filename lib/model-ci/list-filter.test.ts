// The model list's "CI passed on NPU / CPU" filter and the marks on its cards: what counts is the
// newest ended result of each environment, as on the model's header and badge.
import { describe, expect, it } from "vitest";

import { insertModelCiRun, type ModelCiStatus } from "@/db/queries/model-ci";
import { parseListParams } from "@/lib/repos/list/list-params";
import { listRepos, listTopRepos } from "@/lib/repos/list/list-repos";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";

const cpu = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";
const npu = "base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";

let clock = Date.now();

/** A model with these ended results, oldest first (the query under test reads them, nothing more). */
async function modelWith(
  owner: TestAccount,
  results: [image: string, status: ModelCiStatus][],
  isPrivate = false,
) {
  const { record, id } = await makeHubRepo(owner, { isPrivate });
  for (const [image, status] of results) {
    await insertModelCiRun(
      {
        repoId: record.id,
        commit: "0".repeat(40),
        createdBy: null,
        trigger: null,
        rows: [
          {
            jobId: null,
            image,
            hardware: image === npu ? "npu" : "cpu",
            status,
            stopReason: status === "success" ? null : "stopped",
          },
        ],
      },
      new Date((clock += 1000)),
    );
  }
  return id;
}

const names = (page: { items: { owner: string; name: string }[] }) =>
  page.items.map((item) => `${item.owner}/${item.name}`).sort();

describe("the model list's CI filter", () => {
  it("lists models whose newest ended result on that hardware passed, and marks their cards", async () => {
    const owner = await makeAccount();
    const passedCpu = await modelWith(owner, [[cpu, "success"]]);
    const brokeLater = await modelWith(owner, [
      [cpu, "success"],
      [cpu, "failed"],
    ]);
    const fixedLater = await modelWith(owner, [
      [cpu, "failed"],
      [cpu, "success"],
      [cpu, "stopped"],
    ]);
    const passedNpu = await modelWith(owner, [
      [npu, "success"],
      [cpu, "failed"],
    ]);
    const both = await modelWith(owner, [
      [npu, "success"],
      [cpu, "success"],
    ]);
    const hidden = await modelWith(owner, [[npu, "success"]], true);
    const never = await modelWith(owner, []);

    const onCpu = await listRepos(null, "model", { owner: owner.name, ci: "cpu" });
    expect(names(onCpu)).toEqual([passedCpu, fixedLater, both].sort());
    expect(onCpu.total).toBe(3);
    const onNpu = await listRepos(null, "model", { owner: owner.name, ci: "npu" });
    expect(names(onNpu)).toEqual([passedNpu, both].sort());
    // A private model is found only by those who may see it.
    const ownerView = await listRepos(sessionCaller(owner), "model", {
      owner: owner.name,
      ci: "npu",
    });
    expect(names(ownerView)).toEqual([passedNpu, both, hidden].sort());

    const all = await listRepos(null, "model", { owner: owner.name });
    const marks = Object.fromEntries(
      all.items.map((item) => [`${item.owner}/${item.name}`, item.ciPassed]),
    );
    expect(marks).toEqual({
      [passedCpu]: ["cpu"],
      [brokeLater]: [],
      [fixedLater]: ["cpu"],
      [passedNpu]: ["npu"],
      [both]: ["npu", "cpu"],
      [never]: [],
    });
    const top = await listTopRepos(null, {
      type: "model",
      owner: owner.name,
      sort: "created",
      limit: 10,
    });
    expect(top.items.find((item) => `${item.owner}/${item.name}` === both)?.ciPassed).toEqual([
      "npu",
      "cpu",
    ]);
  });

  it("reads ?ci= from the URL and drops a value it does not know", () => {
    expect(parseListParams(new URLSearchParams("ci=npu"))).toEqual({ ci: "npu" });
    expect(parseListParams({ ci: "gpu", task: "fill-mask" })).toEqual({ task: "fill-mask" });
  });
});

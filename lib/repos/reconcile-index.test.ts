import { describe, expect, it } from "vitest";

import { findRepoRecordById } from "@/db/queries/repos";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { gitWithInput } from "@/test/hub";

import { refOf } from "./access";
import { reconcileRepoIndex } from "./reconcile-index";

/** Commits a README straight into the bare repository, as another process would: no listener hears it. */
function commitOutOfSight(repo: Parameters<typeof gitWithInput>[0], parent: string, text: string) {
  const blob = gitWithInput(repo, ["hash-object", "-w", "--stdin"], text).trim();
  const tree = gitWithInput(repo, ["mktree"], `100644 blob ${blob}\tREADME.md\n`).trim();
  const commit = gitWithInput(
    repo,
    ["commit-tree", tree, "-p", parent, "-m", "elsewhere"],
    "",
  ).trim();
  gitWithInput(repo, ["update-ref", "refs/heads/main", commit, parent], "");
  return commit;
}

describe("index reconcile", () => {
  it("re-indexes a repository changed by another process, and leaves current ones alone", async () => {
    const owner = await makeAccount();
    const changed = await makeHubRepo(owner);
    const untouched = await makeHubRepo(owner);
    const before = changed.record.headCommit!;
    const commit = commitOutOfSight(
      refOf(changed.record),
      before,
      "---\nlicense: mit\npipeline_tag: text-generation\n---\n# Quietly changed\n",
    );
    expect((await findRepoRecordById(changed.record.id))?.headCommit).toBe(before);

    const { reindexed } = await reconcileRepoIndex();
    expect(reindexed).toContain(changed.record.id);
    expect(reindexed).not.toContain(untouched.record.id);
    expect(await findRepoRecordById(changed.record.id)).toMatchObject({
      headCommit: commit,
      license: "mit",
      pipelineTag: "text-generation",
    });
    expect((await reconcileRepoIndex()).reindexed).not.toContain(changed.record.id);
  });
});

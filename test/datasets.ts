import { findRepoRecordById } from "@/db/queries/repos";
import { commitChanges } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

/** A dataset of a new owner holding `files` in one commit on main: the viewer tests' fixture. */
export async function datasetWith(files: Record<string, Buffer | string>, isPrivate = false) {
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner, { type: "dataset", isPrivate });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "data",
    operations: Object.entries(files).map(([path, content]) => ({
      kind: "file" as const,
      path,
      source: { content: Buffer.from(content) },
    })),
  });
  const repo = (await findRepoRecordById(record.id))!;
  return { owner, ref: refOf(repo), commit: repo.headCommit! };
}

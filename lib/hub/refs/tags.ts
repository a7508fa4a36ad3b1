import "server-only";

import { AppError } from "@/lib/errors";
import { notifyRepoChanged, type ChangeSource } from "@/lib/hub/events";
import { identityEnv, type Identity } from "@/lib/hub/git/identity";
import { gitText } from "@/lib/hub/git/run";
import { requireRevisionIn } from "@/lib/hub/read/revisions";
import { requireRepo } from "@/lib/hub/repos/open";
import type { RepoRef } from "@/lib/hub/types";

import { assertRefName, readRef } from "./list-refs";
import { updateRefCas } from "./update-ref";

export type CreateTagOptions = {
  tag: string;
  rev: string;
  /** With a message the tag is annotated (a tag object by `tagger`), otherwise lightweight. */
  message?: string;
  tagger?: Identity;
  source?: ChangeSource;
};

export async function createTag(
  repo: RepoRef,
  options: CreateTagOptions,
): Promise<{ ref: string; commit: string }> {
  assertRefName("tag", options.tag);
  const gitDir = await requireRepo(repo);
  const { commit } = await requireRevisionIn(gitDir, options.rev);
  const ref = `refs/tags/${options.tag}`;
  let target = commit;
  if (options.message !== undefined) {
    if (!options.tagger) throw new AppError("bad_request", "An annotated tag needs a tagger.");
    const env = identityEnv(options.tagger);
    const body = [
      `object ${commit}`,
      "type commit",
      `tag ${options.tag}`,
      `tagger ${env.GIT_COMMITTER_NAME} <${env.GIT_COMMITTER_EMAIL}> ${env.GIT_COMMITTER_DATE}`,
      "",
      `${options.message.replace(/\0/g, "").trimEnd()}\n`,
    ].join("\n");
    target = await gitText({ gitDir, args: ["mktag"], input: body });
  }
  await updateRefCas({ gitDir, ref, next: target, expected: null, reason: "tag: created" });
  await notifyRepoChanged({
    kind: "refs",
    repo,
    refs: [{ ref, before: null, after: target }],
    source: options.source ?? "web",
  });
  return { ref, commit };
}

export async function deleteTag(
  repo: RepoRef,
  options: { tag: string; source?: ChangeSource },
): Promise<void> {
  assertRefName("tag", options.tag);
  const gitDir = await requireRepo(repo);
  const ref = `refs/tags/${options.tag}`;
  const before = await readRef(gitDir, ref);
  if (!before) throw new AppError("not_found", `Tag "${options.tag}" not found.`);
  await updateRefCas({ gitDir, ref, next: null, expected: before, reason: "tag: deleted" });
  await notifyRepoChanged({
    kind: "refs",
    repo,
    refs: [{ ref, before, after: null }],
    source: options.source ?? "web",
  });
}

import "server-only";

import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";

import { AppError } from "@/lib/errors";
import { notifyRepoChanged } from "@/lib/hub/events";
import { closeCatFile } from "@/lib/hub/git/cat-file-pool";
import type { Identity } from "@/lib/hub/git/identity";
import { runGit } from "@/lib/hub/git/run";
import { assertRepoRef, gitRoot, ownerDir, repoGitDir, trashDir } from "@/lib/hub/paths";
import type { RepoRef } from "@/lib/hub/types";
import { commitInRepo } from "@/lib/hub/write/commit-changes";

import { requireRepo } from "./open";
import { spaceTemplate, type SpaceDefaults } from "./space-templates";
import { defaultGitattributes, readmeTemplate, type CardDefaults } from "./templates";

/** Repository settings for serving over smart HTTP later and for keeping what was pushed sound. */
const repoConfig = `[core]
\tlogAllRefUpdates = always
\tquotePath = false
[receive]
\tfsckObjects = true
\tdenyDeleteCurrent = refuse
\tadvertisePushOptions = true
[uploadpack]
\tallowFilter = true
\tallowReachableSHA1InWant = true
[http]
\treceivepack = true
\tuploadpack = true
[repack]
\twriteBitmaps = true
`;

const typeLabel = { model: "model", dataset: "dataset", space: "Space" } as const;

/** Refuses a name that differs only in case from an existing repo of the owner (ignoring `except`). */
async function assertNameFree(repo: RepoRef, except?: string): Promise<void> {
  const wanted = `${repo.name}.git`.toLowerCase();
  const names = await fsp.readdir(ownerDir(repo)).catch(() => [] as string[]);
  if (names.some((n) => n.toLowerCase() === wanted && n !== except)) {
    throw new AppError(
      "conflict",
      `${repo.owner} already has a ${typeLabel[repo.type]} named "${repo.name}".`,
    );
  }
}

/** Moves a finished directory into place; a non-empty target makes rename fail, which we report as a conflict. */
async function moveIntoPlace(from: string, to: string, repo: RepoRef): Promise<void> {
  try {
    await fsp.rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST") {
      throw new AppError(
        "conflict",
        `${repo.owner} already has a ${typeLabel[repo.type]} named "${repo.name}".`,
      );
    }
    throw error;
  }
}

export type InitRepositoryInput = RepoRef & {
  author: Identity;
  card?: CardDefaults;
  /** A Space's create-time choices; its template files follow from the SDK. */
  space?: SpaceDefaults;
};

/** The first commit's files: the card template, and for a Space its SDK's app. */
function initialFiles(input: InitRepositoryInput): { path: string; content: string }[] {
  if (input.type === "space") {
    return spaceTemplate(input.name, {
      sdk: "gradio",
      hardware: "cpu-basic",
      license: input.card?.license,
      ...input.space,
    });
  }
  return [
    { path: "README.md", content: readmeTemplate(input.type, input.owner, input.name, input.card) },
  ];
}

/**
 * Creates the bare repository with its first commit (README card template and default
 * `.gitattributes` on `main`). It is built in a temp directory and renamed into place, so the
 * repository appears complete or not at all.
 */
export async function initRepository(input: InitRepositoryInput): Promise<{ commit: string }> {
  const repo: RepoRef = { type: input.type, owner: input.owner, name: input.name };
  const target = repoGitDir(repo);
  await assertNameFree(repo);
  const temp = path.join(gitRoot(), ".tmp", `${randomUUID()}.git`);
  await fsp.mkdir(temp, { recursive: true, mode: 0o700 });
  try {
    await runGit({
      gitDir: temp,
      // --shared=0600 (core.sharedRepository): git keeps every file and dir it writes in this
      // repository owner-only whatever the umask, so a private repository is not readable on disk.
      args: ["init", "--bare", "--quiet", "--template=", "--initial-branch=main", "--shared=0600"],
    });
    await fsp.appendFile(path.join(temp, "config"), repoConfig);
    const { commit } = await commitInRepo(
      () => Promise.resolve(temp),
      {
        repo,
        branch: "main",
        message: "Initial commit",
        author: input.author,
        operations: [
          { kind: "file", path: ".gitattributes", source: { content: defaultGitattributes } },
          ...initialFiles(input).map((file) => ({
            kind: "file" as const,
            path: file.path,
            source: { content: file.content },
          })),
        ],
      },
      { newBranch: true },
    );
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await moveIntoPlace(temp, target, repo);
    await notifyRepoChanged({
      kind: "created",
      repo,
      refs: [{ ref: "refs/heads/main", before: null, after: commit }],
    });
    return { commit };
  } finally {
    closeCatFile(temp);
    await fsp.rm(temp, { recursive: true, force: true });
  }
}

/** Deletes a repository: an atomic move out of sight, then removal. LFS content stays in the shared blob store. */
export async function deleteRepository(repo: RepoRef): Promise<void> {
  const gitDir = await requireRepo(repo);
  closeCatFile(gitDir);
  const trash = path.join(trashDir(), randomUUID());
  await fsp.mkdir(trashDir(), { recursive: true, mode: 0o700 });
  await fsp.rename(gitDir, trash);
  await notifyRepoChanged({ kind: "deleted", repo });
  await fsp.rm(trash, { recursive: true, force: true });
}

/** Renames or moves a repository to another owner (same type). A case-only rename is allowed. */
export async function renameRepository(
  from: RepoRef,
  to: { owner: string; name: string },
): Promise<RepoRef> {
  const target: RepoRef = { type: from.type, owner: to.owner, name: to.name };
  assertRepoRef(target);
  const fromDir = await requireRepo(from);
  const toDir = repoGitDir(target);
  if (fromDir === toDir) return target;
  await assertNameFree(target, from.owner === target.owner ? path.basename(fromDir) : undefined);
  await fsp.mkdir(path.dirname(toDir), { recursive: true, mode: 0o700 });
  closeCatFile(fromDir);
  await moveIntoPlace(fromDir, toDir, target);
  await notifyRepoChanged({ kind: "renamed", repo: target, from });
  return target;
}

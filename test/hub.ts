// Helpers for tests of the repository store (real git in the test file's temp data dir).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { findOwnerByName } from "@/db/queries/owners";
import { linkRepoLfsObjects } from "@/db/queries/repo-lfs-objects";
import { findRepoRecord, insertRepoRecord } from "@/db/queries/repos";
import { getConfig } from "@/lib/config";
import { repoGitDir } from "@/lib/hub/paths";
import { initRepository } from "@/lib/hub/repos/manage";
import type { RepoRef } from "@/lib/hub/types";

import { makeUser, uniqueName } from "./factories";

export const author = { name: "Ada Lovelace", email: "ada@example.com" };

/**
 * A repository of the owner "acme": its record (LFS content is served only by repositories that
 * exist and own it) and its bare git repository with a first commit.
 */
export async function makeRepo(
  type: RepoRef["type"] = "model",
): Promise<RepoRef & { initial: string }> {
  const owner = (await findOwnerByName("acme")) ?? (await makeUser({ name: "acme" }));
  const repo: RepoRef = { type, owner: "acme", name: uniqueName("repo") };
  await insertRepoRecord({
    ...repo,
    ownerId: owner.id,
    ownerName: "acme",
    isPrivate: false,
    description: null,
  });
  const { commit } = await initRepository({ ...repo, author });
  return { ...repo, initial: commit };
}

const gitEnv = {
  PATH: process.env.PATH,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Pusher",
  GIT_AUTHOR_EMAIL: "pusher@example.com",
  GIT_COMMITTER_NAME: "Pusher",
  GIT_COMMITTER_EMAIL: "pusher@example.com",
} as unknown as NodeJS.ProcessEnv;

/** Runs the git CLI on a repo, to check the store's work independently of it. */
export function git(repo: RepoRef, ...args: string[]): string {
  return gitWithInput(repo, args, "");
}

export function gitWithInput(repo: RepoRef, args: string[], input: string): string {
  return execFileSync("git", ["--git-dir", repoGitDir(repo), ...args], {
    input,
    env: gitEnv,
    maxBuffer: 64 * 1024 * 1024,
  }).toString("utf8");
}

/** Every object file in the repository (loose and packed indexes), to prove a failed commit left nothing. */
export function objectFiles(repo: RepoRef): string[] {
  const root = path.join(repoGitDir(repo), "objects");
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

export function blobTempFiles(): string[] {
  const dir = path.join(getConfig().dataDir, "blobs", "tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** Deterministic pseudo-random bytes (incompressible enough, reproducible). */
export function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(Math.max(size, 4));
  let x = seed * 2654435761;
  for (let i = 0; i < size; i += 4) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out.writeUInt32LE(x, Math.min(i, out.length - 4));
  }
  return out.subarray(0, size);
}

/** Links LFS objects to a repository, as an upload through the LFS batch API to it would. */
export async function linkLfs(
  repo: RepoRef,
  objects: { sha256: string; size: number }[],
): Promise<void> {
  const record = await findRepoRecord(repo.type, repo.owner, repo.name);
  if (!record) throw new Error(`No record for ${repo.owner}/${repo.name}; make it with makeRepo.`);
  await linkRepoLfsObjects(record.id, objects);
}

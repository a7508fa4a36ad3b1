import "server-only";

import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { AppError } from "@/lib/errors";
import { identityEnv, type Identity } from "@/lib/hub/git/identity";
import { gitText, runGit } from "@/lib/hub/git/run";
import { formatLfsPointer } from "@/lib/hub/lfs/pointer";
import { recordStoredLfsObject } from "@/lib/hub/lfs/record-object";
import { getBlobStore } from "@/lib/storage/blob-store";

import type { Plan, StagedFile } from "./plan";
import { withTrackRules } from "./plan";
import type { Quarantine } from "./quarantine";
import { sha256OfFile } from "./spool";

export type BuiltFile = {
  path: string;
  size: number;
  oid: string;
  lfs: { oid: string; size: number } | null;
};

const zeroOid = "0".repeat(40);

/** Puts a staged file's content into the blob store (verifying its digest) and returns the digest. */
async function storeLfsContent(staged: StagedFile): Promise<string> {
  const store = getBlobStore();
  if (staged.file) {
    staged.sha256 ??= await sha256OfFile(staged.file);
    // The digest was computed here, from these bytes, while spooling or just above.
    await store.adopt(staged.file, { sha256: staged.sha256, size: staged.size, trusted: true });
    // adopt moved the file, or kept the copy already stored; either way the temp file is done with.
    await fsp.rm(staged.file, { force: true });
    staged.file = null;
    // Recorded only now that the bytes are in place: a crash before this leaves no row.
    await recordStoredLfsObject(staged.sha256, staged.size);
  }
  return staged.sha256!;
}

/** A file holding the content for git to hash: the temp file, or the blob store's copy. */
async function contentFile(staged: StagedFile, scratch: string): Promise<string> {
  if (staged.file) return staged.file;
  const store = getBlobStore();
  const local = store.localPath(staged.sha256!);
  if (local) return local;
  await pipeline(store.read(staged.sha256!), fs.createWriteStream(scratch, { flags: "wx" }));
  return scratch;
}

/**
 * Writes the planned tree and its commit into the quarantine: blobs (real content, or LFS
 * pointers whose content went to the blob store), a temporary index from the base tree with the
 * changes applied, then write-tree and commit-tree. Returns the new commit; no ref moves here.
 */
export async function buildCommit(options: {
  gitDir: string;
  quarantine: Quarantine;
  base: string | null;
  plan: Plan;
  message: string;
  author: Identity;
  attempt: number;
}): Promise<{ commit: string; files: BuiltFile[] }> {
  const { gitDir, quarantine, plan } = options;
  const scratch = (name: string) => path.join(quarantine.dir, `${options.attempt}-${name}`);
  const env = { ...quarantine.env, GIT_INDEX_FILE: scratch("index") };

  const toHash: string[] = [];
  const files: (Omit<BuiltFile, "oid"> & { mode: string })[] = [];
  for (const [index, add] of plan.adds.entries()) {
    const { staged } = add;
    if (add.lfs) {
      const oid = await storeLfsContent(staged);
      const pointer = scratch(`pointer-${index}`);
      await fsp.writeFile(pointer, formatLfsPointer({ oid, size: staged.size }), { flag: "wx" });
      toHash.push(pointer);
      files.push({
        path: staged.path,
        size: staged.size,
        mode: add.mode,
        lfs: { oid, size: staged.size },
      });
    } else {
      toHash.push(await contentFile(staged, scratch(`content-${index}`)));
      files.push({ path: staged.path, size: staged.size, mode: add.mode, lfs: null });
    }
  }
  if (plan.autoTracked.length > 0) {
    const text = withTrackRules(plan.rootAttributes, plan.autoTracked);
    const file = scratch("gitattributes");
    await fsp.writeFile(file, text, { flag: "wx" });
    toHash.push(file);
    const existing = files.findIndex((f) => f.path === ".gitattributes");
    if (existing >= 0) {
      files.splice(existing, 1);
      toHash.splice(existing, 1);
    }
    files.push({
      path: ".gitattributes",
      size: Buffer.byteLength(text),
      mode: plan.rootAttributesMode,
      lfs: null,
    });
  }

  const hashed = toHash.length
    ? (
        await gitText({
          gitDir,
          env,
          args: ["hash-object", "-w", "--no-filters", "--stdin-paths"],
          input: `${toHash.join("\n")}\n`,
        })
      ).split("\n")
    : [];
  if (hashed.length !== files.length)
    throw new AppError("internal", "git hash-object returned an unexpected number of objects.");

  await runGit({
    gitDir,
    env,
    args: options.base ? ["read-tree", options.base] : ["read-tree", "--empty"],
  });
  const records = [
    ...plan.removals.map((p) => `0 ${zeroOid}\t${p}\0`),
    ...files.map((f, i) => `${f.mode} ${hashed[i]}\t${f.path}\0`),
  ];
  await runGit({
    gitDir,
    env,
    args: ["update-index", "-z", "--add", "--index-info"],
    input: records.join(""),
  });
  const tree = await gitText({ gitDir, env, args: ["write-tree"] });
  const commit = await gitText({
    gitDir,
    env: { ...env, ...identityEnv(options.author) },
    args: ["commit-tree", tree, ...(options.base ? ["-p", options.base] : []), "-F", "-"],
    input: options.message,
  });
  return { commit, files: files.map(({ mode: _mode, ...f }, i) => ({ ...f, oid: hashed[i]! })) };
}

import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { repoGitDir } from "@/lib/hub/paths";
import { resolveRevision } from "@/lib/hub/read/revisions";
import type { RepoRef } from "@/lib/hub/types";
import { commitChanges } from "@/lib/hub/write/commit-changes";
import { author, git, gitWithInput, makeRepo } from "@/test/hub";

import { ObjectTooLargeError } from "./cat-file";
import {
  catFilePoolStats,
  closeAllCatFiles,
  configureCatFilePool,
  objectContents,
  objectInfo,
} from "./cat-file-pool";

let repo: RepoRef;
let gitDir: string;
const contents = Array.from({ length: 40 }, (_v, i) => `file number ${i}\n`.repeat(i + 1));

beforeAll(async () => {
  repo = await makeRepo();
  gitDir = repoGitDir(repo);
  await commitChanges({
    repo,
    branch: "main",
    message: "Many files",
    author,
    operations: contents.map((content, i) => ({
      kind: "file",
      path: `f/${i}.txt`,
      source: { content },
    })),
  });
});

afterEach(() => {
  closeAllCatFiles();
  configureCatFilePool({ maxProcesses: 16, idleMs: 30_000 });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("cat-file pool", () => {
  it("serves many reads from one long-lived process", async () => {
    closeAllCatFiles();
    const before = catFilePoolStats().spawned;
    for (let i = 0; i < 50; i++) {
      const object = await objectContents(gitDir, `main:f/${i % 40}.txt`);
      expect(object?.data.toString()).toBe(contents[i % 40]);
    }
    expect(catFilePoolStats().spawned - before).toBe(1);
    expect(catFilePoolStats().open).toHaveLength(1);
  });

  it("answers concurrent callers correctly, pipelined on the same process", async () => {
    closeAllCatFiles();
    const before = catFilePoolStats().spawned;
    const reads = Array.from({ length: 400 }, (_v, i) =>
      i % 3 === 0
        ? objectInfo(gitDir, `main:f/${i % 40}.txt`).then((info) => info?.size)
        : objectContents(gitDir, `main:f/${i % 40}.txt`).then((o) => o?.data.toString()),
    );
    const results = await Promise.all(reads);
    results.forEach((result, i) =>
      expect(result).toBe(i % 3 === 0 ? Buffer.byteLength(contents[i % 40]!) : contents[i % 40]),
    );
    expect(catFilePoolStats().spawned - before).toBe(1);
  });

  it("reports missing objects, refuses names that would break the protocol, skips over-large objects", async () => {
    expect(await objectInfo(gitDir, "main:nope.txt")).toBeNull();
    expect(await objectContents(gitDir, "0".repeat(40))).toBeNull();
    await expect(objectInfo(gitDir, "main\ninfo HEAD")).rejects.toThrow("control characters");
    await expect(objectContents(gitDir, "main:f/39.txt", 10)).rejects.toBeInstanceOf(
      ObjectTooLargeError,
    );
    // The process stays in sync after skipping the bytes.
    expect((await objectContents(gitDir, "main:f/0.txt"))?.data.toString()).toBe(contents[0]);
  });

  it("restarts a process that died, even under in-flight requests", async () => {
    await objectInfo(gitDir, "main");
    const pid = catFilePoolStats().open[0]!.pid!;
    const reads = Array.from({ length: 100 }, (_v, i) =>
      objectContents(gitDir, `main:f/${i % 40}.txt`),
    );
    process.kill(pid, "SIGKILL");
    const results = await Promise.all(reads);
    results.forEach((object, i) => expect(object?.data.toString()).toBe(contents[i % 40]));
    await sleep(50);
    expect((await objectInfo(gitDir, "main:f/1.txt"))?.type).toBe("blob");
    expect(catFilePoolStats().open[0]!.pid).not.toBe(pid);
  });

  it("sees refs that moved after it started (no stale cache)", async () => {
    const head = (await resolveRevision(repo, "main"))!.commit;
    const tree = git(repo, "rev-parse", `${head}^{tree}`).trim();
    const next = gitWithInput(repo, ["commit-tree", tree, "-p", head, "-m", "pushed"], "").trim();
    git(repo, "update-ref", "refs/heads/main", next, head);
    git(repo, "pack-refs", "--all");
    const before = catFilePoolStats().spawned;
    expect((await resolveRevision(repo, "main"))!.commit).toBe(next);
    expect(catFilePoolStats().spawned).toBe(before);
  });

  it("closes idle processes and keeps to its cap", async () => {
    configureCatFilePool({ idleMs: 200, maxProcesses: 2 });
    const others = [await makeRepo(), await makeRepo(), await makeRepo()];
    for (const other of others) await objectInfo(repoGitDir(other), "main");
    expect(catFilePoolStats().open.map((p) => p.gitDir)).toEqual(
      others.slice(1).map((o) => repoGitDir(o)),
    );
    await sleep(600);
    expect(catFilePoolStats().open).toEqual([]);
  });
});

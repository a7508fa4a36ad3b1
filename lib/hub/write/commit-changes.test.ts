import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { findLfsObjects } from "@/db/queries/lfs-objects";

import { AppError } from "@/lib/errors";
import { onRepoChanged, type RepoChange } from "@/lib/hub/events";
import { openFile, readFileBytes } from "@/lib/hub/read/blob";
import { getPathInfo, listTree } from "@/lib/hub/read/tree";
import type { RepoRef } from "@/lib/hub/types";
import { getBlobStore } from "@/lib/storage/blob-store";
import {
  author,
  blobTempFiles,
  bytes,
  git,
  gitWithInput,
  linkLfs,
  makeRepo,
  objectFiles,
} from "@/test/hub";

import { commitChanges, type CommitChangesInput } from "./commit-changes";
import { lfsDecision } from "./lfs-decision";
import type { CommitOperation } from "./operations";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function commit(
  repo: RepoRef,
  operations: CommitOperation[],
  extra: Partial<CommitChangesInput> = {},
) {
  return commitChanges({
    repo,
    branch: "main",
    message: "Update files",
    author,
    operations,
    ...extra,
  });
}

function file(path: string, content: string | Buffer): CommitOperation {
  return { kind: "file", path, source: { content } };
}

async function readText(repo: RepoRef, path: string, rev = "main"): Promise<string> {
  return (await readFileBytes(repo, { rev, path, maxBytes: 50_000_000 })).data.toString("utf8");
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("commitChanges", () => {
  it("commits files from content, streams and temp files, and reads them back", async () => {
    const repo = await makeRepo();
    const temp = getBlobStore().tempPath("test");
    fs.writeFileSync(temp, "from a temp file\n");
    const result = await commit(
      repo,
      [
        file("config.json", '{"a": 1}\n'),
        {
          kind: "file",
          path: "src/app.py",
          source: { stream: Readable.from(["print(", "'hi')\n"]) },
        },
        { kind: "file", path: "notes/名字 with space.txt", source: { tempFile: temp } },
      ],
      { message: "Add files", description: "Three of them." },
    );
    expect(result.parent).toBe(repo.initial);
    expect(result.files.map((f) => [f.path, f.size, f.lfs])).toEqual([
      ["config.json", 9, null],
      ["src/app.py", 12, null],
      ["notes/名字 with space.txt", 17, null],
    ]);
    expect(await readText(repo, "src/app.py")).toBe("print('hi')\n");
    expect(await readText(repo, "notes/名字 with space.txt", result.commit)).toBe(
      "from a temp file\n",
    );
    expect(git(repo, "log", "-1", "--format=%an <%ae>%n%B", "main")).toBe(
      "Ada Lovelace <ada@example.com>\nAdd files\n\nThree of them.\n\n",
    );
    expect(git(repo, "rev-parse", "main").trim()).toBe(result.commit);
    expect(fs.existsSync(temp)).toBe(false);
    expect(blobTempFiles()).toEqual([]);
    git(repo, "fsck", "--strict", "--no-dangling");
  });

  it("updates, deletes files and folders, keeping executable bits", async () => {
    const repo = await makeRepo();
    await commit(repo, [
      file("run.sh", "#!/bin/sh\n"),
      file("data/a.csv", "1\n"),
      file("data/sub/b.csv", "2\n"),
      file("keep.txt", "k"),
    ]);
    const before = git(repo, "ls-tree", "-r", "main").trim().split("\n").length;
    expect(before).toBe(6);
    const result = await commit(repo, [
      { kind: "deleteFolder", path: "data/" },
      { kind: "deleteFile", path: "keep.txt" },
      file("run.sh", "#!/bin/sh\necho 2\n"),
      file("data/new.csv", "3\n"),
    ]);
    expect(result.deleted.sort()).toEqual(["data/a.csv", "data/sub/b.csv", "keep.txt"]);
    expect(git(repo, "ls-tree", "-r", "--name-only", "main").trim().split("\n")).toEqual([
      ".gitattributes",
      "README.md",
      "data/new.csv",
      "run.sh",
    ]);
    expect(await readText(repo, "run.sh")).toBe("#!/bin/sh\necho 2\n");
  });

  it("keeps the executable bit of a file it replaces", async () => {
    const repo = await makeRepo();
    const first = await commit(repo, [file("run.sh", "#!/bin/sh\n")]);
    // Make it executable the way a git push would.
    const blob = git(repo, "rev-parse", `${first.commit}:run.sh`).trim();
    const tree = git(repo, "rev-parse", `${first.commit}^{tree}`).trim();
    const entries = git(repo, "ls-tree", tree).replace(
      `100644 blob ${blob}\trun.sh`,
      `100755 blob ${blob}\trun.sh`,
    );
    const newTree = gitWithInput(repo, ["mktree"], entries).trim();
    const pushed = gitWithInput(
      repo,
      ["commit-tree", newTree, "-p", first.commit, "-m", "chmod"],
      "",
    ).trim();
    git(repo, "update-ref", "refs/heads/main", pushed, first.commit);
    await commit(repo, [file("run.sh", "#!/bin/sh\necho 2\n")]);
    expect(git(repo, "ls-tree", "main", "run.sh")).toMatch(/^100755 blob/);
  });

  it("stores files of 10,000,000 bytes and more as LFS pointers, and smaller ones in git", async () => {
    const repo = await makeRepo();
    const big = bytes(10_000_000, 7);
    const small = bytes(9_999_999, 8);
    const result = await commit(repo, [file("big.data", big), file("small.data", small)]);
    const [bigFile, smallFile] = result.files;
    expect(bigFile!.lfs).toEqual({ oid: sha256(big), size: 10_000_000 });
    expect(smallFile!.lfs).toBeNull();
    // In git: a pointer for the big one, the real bytes for the small one.
    expect(git(repo, "cat-file", "-p", "main:big.data")).toBe(
      `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(big)}\nsize 10000000\n`,
    );
    expect(git(repo, "cat-file", "-s", "main:small.data").trim()).toBe("9999999");
    // The content is in the blob store, and the file reads back whole (and by range).
    expect(await getBlobStore().stat(sha256(big))).toEqual({
      sha256: sha256(big),
      size: 10_000_000,
    });
    const opened = await openFile(repo, {
      rev: "main",
      path: "big.data",
      range: { start: 5, end: 9 },
    });
    expect(opened.size).toBe(10_000_000);
    expect(await buffer(opened.stream)).toEqual(big.subarray(5, 10));
    expect(
      (await buffer((await openFile(repo, { rev: "main", path: "big.data" })).stream)).equals(big),
    ).toBe(true);
    const info = await getPathInfo(repo, { rev: "main", path: "big.data" });
    expect(info.entry).toMatchObject({
      type: "file",
      size: 10_000_000,
      lfs: { oid: sha256(big), size: 10_000_000, pointerSize: 133 },
    });
    // A rule for the untracked big file was appended to .gitattributes, so git-lfs clients smudge it.
    expect(await readText(repo, ".gitattributes")).toMatch(
      /\n\/big\.data filter=lfs diff=lfs merge=lfs -text\n$/,
    );
    expect(result.files.at(-1)!.path).toBe(".gitattributes");
    expect(blobTempFiles()).toEqual([]);
  });

  it("follows .gitattributes: the default patterns, nested files and a rule added in the same commit", async () => {
    const repo = await makeRepo();
    const result = await commit(repo, [
      file("model.safetensors", "tiny but tracked"),
      file("weights/a.ckpt", "ckpt"),
      file("data/train.jsonl", "{}\n"),
      file("data/.gitattributes", "*.jsonl filter=lfs diff=lfs merge=lfs -text\n"),
      file(
        ".gitattributes",
        `${await readText(repo, ".gitattributes")}*.custom filter=lfs diff=lfs merge=lfs -text\n`,
      ),
      file("x.custom", "custom"),
      file("readme.txt", "plain"),
    ]);
    const lfs = Object.fromEntries(result.files.map((f) => [f.path, f.lfs !== null]));
    expect(lfs).toEqual({
      "model.safetensors": true,
      "weights/a.ckpt": true,
      "data/train.jsonl": true,
      "data/.gitattributes": false,
      ".gitattributes": false,
      "x.custom": true,
      "readme.txt": false,
    });
    expect(await readText(repo, "x.custom")).toBe("custom");
    expect(git(repo, "cat-file", "-p", "main:x.custom")).toContain("oid sha256:");
    // Nothing needed an extra rule: .gitattributes is exactly what the commit wrote.
    expect(await readText(repo, ".gitattributes")).toMatch(
      /\*\.custom filter=lfs diff=lfs merge=lfs -text\n$/,
    );
  });

  it("records an LFS object only once its bytes are in the store", async () => {
    const repo = await makeRepo();
    const content = `weights that never arrive ${Date.now()}`;
    const adopt = vi
      .spyOn(getBlobStore(), "adopt")
      .mockRejectedValueOnce(new Error("disk gone while publishing"));
    try {
      await expect(commit(repo, [file("model.safetensors", content)])).rejects.toThrow("disk gone");
    } finally {
      adopt.mockRestore();
    }
    expect(await getBlobStore().stat(sha256(content))).toBeNull();
    expect(await findLfsObjects([sha256(content)])).toEqual(new Set());
  });

  it("answers preupload questions with the same rule", async () => {
    const repo = await makeRepo();
    const answer = await lfsDecision(repo, {
      rev: "main",
      files: [
        { path: "a.safetensors", size: 10 },
        { path: "a.json", size: 10 },
        { path: "huge.json", size: 20_000_000 },
        { path: "x.custom", size: 10 },
      ],
      rootGitattributes: "*.custom filter=lfs\n",
    });
    expect(answer.files.map((f) => f.lfs)).toEqual([false, false, true, true]);
    const defaults = await lfsDecision(repo, {
      rev: "main",
      files: [{ path: "a.safetensors", size: 10 }],
    });
    expect(defaults.files[0]!.lfs).toBe(true);
  });

  it("points a path at an already uploaded LFS object (HF lfsFile)", async () => {
    const repo = await makeRepo();
    const content = "uploaded through the LFS batch API";
    await getBlobStore().write(Readable.from([content]));
    // In the store but not uploaded to this repository: naming its sha256 grants nothing.
    const foreign = await rejection(
      commit(repo, [{ kind: "lfsFile", path: "tokenizer.json", sha256: sha256(content) }]),
    );
    expect(foreign.message).toContain("has not been uploaded to this repository");
    await linkLfs(repo, [{ sha256: sha256(content), size: content.length }]);
    const result = await commit(repo, [
      { kind: "lfsFile", path: "tokenizer.json", sha256: sha256(content), size: content.length },
    ]);
    expect(result.files[0]).toMatchObject({
      path: "tokenizer.json",
      size: content.length,
      lfs: { oid: sha256(content), size: content.length },
    });
    expect(await readText(repo, "tokenizer.json")).toBe(content);
    expect(await readText(repo, ".gitattributes")).toContain("/tokenizer.json filter=lfs");

    const missing = await rejection(
      commit(repo, [{ kind: "lfsFile", path: "x.bin", sha256: "f".repeat(64) }]),
    );
    expect(missing.message).toContain("has not been uploaded to this repository");
    const wrongSize = await rejection(
      commit(repo, [{ kind: "lfsFile", path: "x.bin", sha256: sha256(content), size: 3 }]),
    );
    expect(wrongSize.message).toContain("not 3");
  });

  describe("compare-and-swap", () => {
    it("lets one of two commits from the same parent win; the other gets a conflict and both contents are safe", async () => {
      const repo = await makeRepo();
      const results = await Promise.allSettled([
        commit(repo, [file("a.txt", "from A")], { parentCommit: repo.initial }),
        commit(repo, [file("b.txt", "from B")], { parentCommit: repo.initial }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(AppError);
      expect((lost[0]!.reason as AppError).code).toBe("conflict");
      expect((lost[0]!.reason as AppError).message).toMatch(
        /has moved since .*nothing was changed/,
      );
      const files = git(repo, "ls-tree", "--name-only", "main");
      expect(files.includes("a.txt") !== files.includes("b.txt")).toBe(true);
      // The loser retries on the new head and keeps its file; the winner's file is still there.
      const head = git(repo, "rev-parse", "main").trim();
      await commit(repo, [file(files.includes("a.txt") ? "b.txt" : "a.txt", "retried")], {
        parentCommit: head,
      });
      expect(git(repo, "ls-tree", "--name-only", "main")).toContain("a.txt");
      expect(git(repo, "ls-tree", "--name-only", "main")).toContain("b.txt");
      expect(git(repo, "rev-list", "--count", "main").trim()).toBe("3");
    });

    it("refuses a stale parent before reading any content", async () => {
      const repo = await makeRepo();
      await commit(repo, [file("a.txt", "a")]);
      let pulled = false;
      const source = new Readable({
        read() {
          pulled = true;
          this.push(null);
        },
      });
      const error = await rejection(
        commit(repo, [{ kind: "file", path: "b.txt", source: { stream: source } }], {
          parentCommit: repo.initial.slice(0, 10),
        }),
      );
      expect(error.code).toBe("conflict");
      expect(pulled).toBe(false);
    });

    it("rebases concurrent commits without a parent instead of failing them", async () => {
      const repo = await makeRepo();
      const results = await Promise.all(
        Array.from({ length: 3 }, (_v, i) => commit(repo, [file(`f${i}.txt`, `${i}`)])),
      );
      expect(new Set(results.map((r) => r.commit)).size).toBe(3);
      expect(
        git(repo, "ls-tree", "--name-only", "main")
          .split("\n")
          .filter((n) => n.startsWith("f")),
      ).toEqual(["f0.txt", "f1.txt", "f2.txt"]);
      expect(git(repo, "rev-list", "--count", "main").trim()).toBe("4");
    });
  });

  describe("refuses bad input and changes nothing", () => {
    // Refused commits change nothing, so they can share one repository.
    let shared: RepoRef & { initial: string };
    beforeAll(async () => {
      shared = await makeRepo();
    });
    const badPaths: [string, string][] = [
      ["../escape.txt", "'..' segment"],
      ["a/../../b", "'..' segment"],
      ["/etc/passwd", "absolute"],
      [".git/config", "git reserves"],
      ["sub/.git/hooks/x", "git reserves"],
      [".Git/x", "git reserves"],
      ["a\\b.txt", "backslash"],
      ["nul\0byte", "NUL"],
      ["new\nline", "control characters"],
      ["tab\there", "control characters"],
      ["a//b", "empty folder name"],
      ["trailing/", "empty folder name"],
      ["./a", "'.' segment"],
      ["", "empty"],
      ["x".repeat(1025), "longer than 1024 bytes"],
    ];

    it.each(badPaths)("path %j (%s)", async (path, message) => {
      const repo = shared;
      const objects = objectFiles(repo);
      const error = await rejection(commit(repo, [file("fine.txt", "ok"), file(path, "x")]));
      expect(error.code).toBe("bad_request");
      expect(error.message).toContain(message);
      expect(git(repo, "rev-parse", "main").trim()).toBe(repo.initial);
      expect(objectFiles(repo)).toEqual(objects);
      expect(blobTempFiles()).toEqual([]);
    });

    it.each([
      [
        "too many files",
        () => Array.from({ length: 1001 }, (_v, i) => file(`f${i}`, "x")),
        "at most 1000 files",
      ],
      ["a path twice", () => [file("a", "1"), file("a", "2")], "more than once"],
      ["no changes", () => [], "no changes"],
      [
        "a missing file to delete",
        () => [{ kind: "deleteFile", path: "nope.txt" } as const],
        "does not exist",
      ],
      [
        "a missing folder to delete",
        () => [{ kind: "deleteFolder", path: "nope" } as const],
        "does not exist",
      ],
      [
        "a folder deleted as a file",
        () => [file("d/x", "1"), { kind: "deleteFile", path: "README.md/x" } as const],
        "does not exist",
      ],
      ["a file under a file", () => [file("README.md/x", "1")], '"README.md" is a file'],
      [
        "a file and a folder of the same name",
        () => [file("a", "1"), file("a/b", "2")],
        "a file and a folder",
      ],
      ["a bad LFS oid", () => [{ kind: "lfsFile", path: "x", sha256: "abc" } as const], "sha256"],
    ] as [string, () => CommitOperation[], string][])("%s", async (_what, operations, message) => {
      const repo = shared;
      const objects = objectFiles(repo);
      const error = await rejection(commit(repo, operations()));
      expect(error.message).toContain(message);
      expect(git(repo, "rev-parse", "main").trim()).toBe(repo.initial);
      expect(objectFiles(repo)).toEqual(objects);
    });

    it("a file where a folder exists, unless the folder is deleted in the same commit", async () => {
      const repo = await makeRepo();
      await commit(repo, [file("d/x.txt", "1")]);
      expect((await rejection(commit(repo, [file("d", "now a file")]))).message).toContain(
        "a folder with that name exists",
      );
      await commit(repo, [{ kind: "deleteFolder", path: "d" }, file("d", "now a file")]);
      expect(await readText(repo, "d")).toBe("now a file");
      await commit(repo, [{ kind: "deleteFile", path: "d" }, file("d/y.txt", "a folder again")]);
      expect(await readText(repo, "d/y.txt")).toBe("a folder again");
    });

    it("an empty message, a bad branch, a missing branch", async () => {
      const repo = shared;
      expect(
        (await rejection(commit(repo, [file("a", "1")], { message: "  " }))).message,
      ).toContain("commit message");
      expect((await rejection(commit(repo, [file("a", "1")], { branch: "bad..name" }))).code).toBe(
        "bad_request",
      );
      expect((await rejection(commit(repo, [file("a", "1")], { branch: "nope" }))).code).toBe(
        "not_found",
      );
    });

    it("a stream that fails midway leaves no partial file, no object and no temp file", async () => {
      const repo = shared;
      const objects = objectFiles(repo);
      const before = [];
      for await (const blob of getBlobStore().list()) before.push(blob.sha256);
      async function* broken() {
        yield bytes(6_000_000, 3);
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield bytes(6_000_000, 4);
        throw new Error("connection reset");
      }
      const temp = getBlobStore().tempPath("upload");
      fs.writeFileSync(temp, "caller's upload");
      await expect(
        commit(repo, [
          { kind: "file", path: "ok.bin", source: { tempFile: temp } },
          { kind: "file", path: "big.bin", source: { stream: broken() } },
        ]),
      ).rejects.toThrow("connection reset");
      expect(git(repo, "rev-parse", "main").trim()).toBe(repo.initial);
      expect(objectFiles(repo)).toEqual(objects);
      expect(blobTempFiles()).toEqual([]);
      const after = [];
      for await (const blob of getBlobStore().list()) after.push(blob.sha256);
      expect(after).toEqual(before);
    });
  });

  it("announces the change to listeners", async () => {
    const repo = await makeRepo();
    const changes: RepoChange[] = [];
    const stop = onRepoChanged((change) => {
      changes.push(change);
    });
    try {
      const result = await commit(repo, [file("a.txt", "a")], { source: "api" });
      expect(changes).toEqual([
        {
          kind: "refs",
          repo: { type: "model", owner: repo.owner, name: repo.name },
          refs: [{ ref: "refs/heads/main", before: repo.initial, after: result.commit }],
          source: "api",
        },
      ]);
    } finally {
      stop();
    }
  });

  it("lists what it committed", async () => {
    const repo = await makeRepo();
    await commit(repo, [file("a/b/c.txt", "c"), file("a/d.txt", "d")]);
    const page = await listTree(repo, { rev: "main", path: "a" });
    expect(page.entries.map((e) => [e.path, e.type])).toEqual([
      ["a/b", "directory"],
      ["a/d.txt", "file"],
    ]);
  });
});

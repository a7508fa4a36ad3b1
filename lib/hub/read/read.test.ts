import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { createTag } from "@/lib/hub/refs/tags";
import type { RepoRef } from "@/lib/hub/types";
import { commitChanges } from "@/lib/hub/write/commit-changes";
import type { CommitOperation } from "@/lib/hub/write/operations";
import { getBlobStore } from "@/lib/storage/blob-store";
import { author, bytes, git, gitWithInput, linkLfs, makeRepo } from "@/test/hub";

import { openFile, readFileBytes } from "./blob";
import { getCommitDiff } from "./commit-diff";
import { countCommits, getCommit, listCommits } from "./history";
import { getLastCommits } from "./last-commits";
import { requireRevision, resolveRevision } from "./revisions";
import { getPathInfo, getPathsInfo, listTree } from "./tree";

/** Live `git cat-file blob <oid>` processes (Linux /proc). */
function gitProcessesFor(oid: string): number {
  return fs.readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const state = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
      return cmd.includes(`cat-file\0blob\0${oid}`) && state !== "Z";
    } catch {
      return false;
    }
  }).length;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const file = (path: string, content: string | Buffer): CommitOperation => ({
  kind: "file",
  path,
  source: { content },
});

async function commit(repo: RepoRef, message: string, operations: CommitOperation[]) {
  return (await commitChanges({ repo, branch: "main", message, author, operations })).commit;
}

async function error(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

// One repository with a small history, shared by the read tests:
//   c1 "Add code"       src/a.py, src/b.py, docs/guide.md
//   c2 "Add weights"    weights/model.safetensors (LFS), big.txt (300 KB, git)
//   c3 "Edit a"         src/a.py changed
//   c4 "Remove guide"   docs/guide.md deleted, docs/new.md added
let repo: RepoRef & { initial: string };
const c: string[] = [];
const big = Buffer.from(bytes(300 * 1024, 5).map((b) => 32 + (b % 90))); // printable, > the inline read size
const weights = bytes(4096, 9);

beforeAll(async () => {
  repo = await makeRepo();
  c.push(
    await commit(repo, "Add code", [
      file("src/a.py", "a = 1\n"),
      file("src/b.py", "b = 2\n"),
      file("docs/guide.md", "# Guide\n"),
    ]),
  );
  c.push(
    await commit(repo, "Add weights", [
      file("weights/model.safetensors", weights),
      file("big.txt", big),
    ]),
  );
  c.push(await commit(repo, "Edit a", [file("src/a.py", "a = 1\na += 1\n")]));
  c.push(
    await commit(repo, "Remove guide", [
      { kind: "deleteFile", path: "docs/guide.md" },
      file("docs/new.md", "new\n"),
    ]),
  );
});

describe("revisions", () => {
  it("resolves branches, tags, HEAD, refs and shas", async () => {
    await createTag(repo, { tag: "v1", rev: c[1]! });
    await createTag(repo, { tag: "v1-annotated", rev: c[0]!, message: "First", tagger: author });
    expect(await resolveRevision(repo, "main")).toEqual({
      commit: c[3],
      kind: "branch",
      ref: "refs/heads/main",
    });
    expect(await resolveRevision(repo, "HEAD")).toEqual({
      commit: c[3],
      kind: "branch",
      ref: "refs/heads/main",
    });
    expect(await resolveRevision(repo, "refs/heads/main")).toEqual({
      commit: c[3],
      kind: "branch",
      ref: "refs/heads/main",
    });
    expect(await resolveRevision(repo, "v1")).toEqual({
      commit: c[1],
      kind: "tag",
      ref: "refs/tags/v1",
    });
    expect(await resolveRevision(repo, "v1-annotated")).toEqual({
      commit: c[0],
      kind: "tag",
      ref: "refs/tags/v1-annotated",
    });
    expect(await resolveRevision(repo, c[2]!)).toEqual({ commit: c[2], kind: "commit", ref: null });
    expect(await resolveRevision(repo, c[2]!.slice(0, 8))).toEqual({
      commit: c[2],
      kind: "commit",
      ref: null,
    });
  });

  it.each(["nope", "main~1", "main:src", "-h", "a..b", "main^{tree}", "HEAD@{0}", "0000000"])(
    "does not resolve %j",
    async (rev) => {
      expect(await resolveRevision(repo, rev)).toBeNull();
    },
  );

  it("reports a missing revision with the HF error code", async () => {
    const e = await error(requireRevision(repo, "nope"));
    expect(e.code).toBe("not_found");
    expect(e.headers).toEqual({ "X-Error-Code": "RevisionNotFound" });
  });

  it("reports a missing repository with the HF error code", async () => {
    const e = await error(
      resolveRevision({ type: "model", owner: "acme", name: "missing" }, "main"),
    );
    expect(e.headers).toEqual({ "X-Error-Code": "RepoNotFound" });
  });
});

describe("trees", () => {
  it("lists a folder with sizes, oids and LFS details", async () => {
    const page = await listTree(repo, { rev: "main" });
    expect(page.commit).toBe(c[3]);
    expect(page.entries.map((e) => [e.path, e.type, e.size])).toEqual([
      [".gitattributes", "file", expect.any(Number)],
      ["README.md", "file", expect.any(Number)],
      ["big.txt", "file", 300 * 1024],
      ["docs", "directory", 0],
      ["src", "directory", 0],
      ["weights", "directory", 0],
    ]);
    const sub = await listTree(repo, { rev: "main", path: "weights/" });
    expect(sub.entries).toEqual([
      {
        name: "model.safetensors",
        path: "weights/model.safetensors",
        type: "file",
        mode: "100644",
        oid: git(repo, "rev-parse", "main:weights/model.safetensors").trim(),
        size: 4096,
        lfs: { oid: sha256(weights), size: 4096, pointerSize: 129 },
      },
    ]);
    expect(page.entries.find((e) => e.path === "README.md")!.oid).toBe(
      git(repo, "rev-parse", "main:README.md").trim(),
    );
  });

  it("lists recursively in pages", async () => {
    const all = await listTree(repo, { rev: "main", recursive: true });
    const paths = all.entries.map((e) => e.path);
    expect(paths).toEqual([
      ".gitattributes",
      "README.md",
      "big.txt",
      "docs",
      "docs/new.md",
      "src",
      "src/a.py",
      "src/b.py",
      "weights",
      "weights/model.safetensors",
    ]);
    expect(all.nextOffset).toBeNull();
    const pages: string[] = [];
    let offset: number | null = 0;
    let requests = 0;
    while (offset !== null) {
      const page: Awaited<ReturnType<typeof listTree>> = await listTree(repo, {
        rev: "main",
        recursive: true,
        offset,
        limit: 3,
      });
      pages.push(...page.entries.map((e) => e.path));
      offset = page.nextOffset;
      requests++;
    }
    expect(pages).toEqual(paths);
    expect(requests).toBe(4);
  });

  it("lists an older revision and refuses files and missing folders", async () => {
    expect((await listTree(repo, { rev: c[0]!, path: "docs" })).entries.map((e) => e.name)).toEqual(
      ["guide.md"],
    );
    expect(await error(listTree(repo, { rev: "main", path: "big.txt" }))).toMatchObject({
      reason: "not_a_folder",
      message: expect.stringContaining("is a file"),
    });
    expect((await error(listTree(repo, { rev: "main", path: "nope" }))).headers).toEqual({
      "X-Error-Code": "EntryNotFound",
    });
    expect((await error(listTree(repo, { rev: "main", path: "../x" }))).code).toBe("bad_request");
  });

  it("describes single paths and several at once (missing ones left out)", async () => {
    expect((await getPathInfo(repo, { rev: "main", path: "src" })).entry).toMatchObject({
      type: "directory",
      path: "src",
    });
    expect((await getPathInfo(repo, { rev: "main", path: "src/nope.py" })).entry).toBeNull();
    expect((await getPathInfo(repo, { rev: "main", path: "big.txt/x" })).entry).toBeNull();
    const info = await getPathsInfo(repo, {
      rev: c[1]!,
      paths: ["src/a.py", "docs/guide.md", "missing", "weights/model.safetensors"],
    });
    expect(info.entries.map((e) => [e.path, e.size, Boolean(e.lfs)])).toEqual([
      ["src/a.py", 6, false],
      ["docs/guide.md", 8, false],
      ["weights/model.safetensors", 4096, true],
    ]);
  });
});

describe("file content", () => {
  it("streams small and large git blobs, whole and by range", async () => {
    expect(
      (await readFileBytes(repo, { rev: "main", path: "src/a.py", maxBytes: 100 })).data.toString(),
    ).toBe("a = 1\na += 1\n");
    const whole = await openFile(repo, { rev: "main", path: "big.txt" });
    expect(whole.size).toBe(big.length);
    expect((await buffer(whole.stream)).equals(big)).toBe(true);
    const range = await openFile(repo, {
      rev: "main",
      path: "big.txt",
      range: { start: 100_000, end: 200_000 },
    });
    expect((await buffer(range.stream)).equals(big.subarray(100_000, 200_001))).toBe(true);
    const tail = await openFile(repo, {
      rev: "main",
      path: "big.txt",
      range: { start: big.length - 1, end: big.length - 1 },
    });
    expect((await buffer(tail.stream)).equals(big.subarray(-1))).toBe(true);
  });

  it("stops the git process when a reader gives up early", async () => {
    const opened = await openFile(repo, { rev: "main", path: "big.txt" });
    const running = () => gitProcessesFor(opened.entry.oid);
    for await (const _chunk of opened.stream) {
      expect(running()).toBe(1);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running()).toBe(0);
  });

  it("reads LFS files from the blob store", async () => {
    const opened = await openFile(repo, {
      rev: "main",
      path: "weights/model.safetensors",
      range: { start: 0, end: 0 },
    });
    expect(opened.size).toBe(4096);
    expect(opened.entry.lfs?.oid).toBe(sha256(weights));
    expect(await buffer(opened.stream)).toEqual(weights.subarray(0, 1));
  });

  it("refuses bad ranges, too-large reads, folders and missing files", async () => {
    const e = await error(
      openFile(repo, { rev: "main", path: "src/a.py", range: { start: 5, end: 500 } }),
    );
    expect(e.code).toBe("range_not_satisfiable");
    expect(e.headers).toEqual({ "Content-Range": "bytes */13" });
    expect(
      (await error(readFileBytes(repo, { rev: "main", path: "big.txt", maxBytes: 1000 }))).code,
    ).toBe("payload_too_large");
    expect((await error(openFile(repo, { rev: "main", path: "src" }))).code).toBe("not_found");
    expect((await error(openFile(repo, { rev: "main", path: "nope" }))).headers).toEqual({
      "X-Error-Code": "EntryNotFound",
    });
  });

  it("says so when LFS content is missing from storage", async () => {
    const other = await makeRepo();
    const content = "lfs content that will vanish";
    await getBlobStore().write(Readable.from([content]));
    await linkLfs(other, [{ sha256: sha256(content), size: content.length }]);
    await commitChanges({
      repo: other,
      branch: "main",
      message: "x",
      author,
      operations: [{ kind: "lfsFile", path: "w.bin", sha256: sha256(content) }],
    });
    await getBlobStore().delete(sha256(content));
    expect((await error(openFile(other, { rev: "main", path: "w.bin" }))).message).toContain(
      "not in storage",
    );
  });
});

describe("history", () => {
  it("pages through commits, newest first", async () => {
    const first = await listCommits(repo, { rev: "main", limit: 2 });
    expect(first.commits.map((x) => x.title)).toEqual(["Remove guide", "Edit a"]);
    expect(first.nextOffset).toBe(2);
    const second = await listCommits(repo, { rev: "main", limit: 2, offset: 2 });
    expect(second.commits.map((x) => x.id)).toEqual([c[1], c[0]]);
    const last = await listCommits(repo, { rev: "main", limit: 2, offset: 4 });
    expect(last.commits.map((x) => x.title)).toEqual(["Initial commit"]);
    expect(last.nextOffset).toBeNull();
    expect(last.commits[0]).toMatchObject({
      parents: [],
      author: { name: author.name, email: author.email },
    });
    expect(first.commits[0]!.parents).toEqual([c[2]]);
    expect(await countCommits(repo, { rev: "main" })).toBe(5);
  });

  it("filters by path", async () => {
    const src = await listCommits(repo, { rev: "main", path: "src/a.py" });
    expect(src.commits.map((x) => x.id)).toEqual([c[2], c[0]]);
    expect(await countCommits(repo, { rev: "main", path: "docs" })).toBe(2);
    expect(await countCommits(repo, { rev: c[1]!, path: "docs" })).toBe(1);
  });

  it("reads one commit", async () => {
    const one = await getCommit(repo, c[1]!.slice(0, 10));
    expect(one).toMatchObject({
      id: c[1],
      title: "Add weights",
      message: "Add weights",
      parents: [c[0]],
    });
    expect(new Date(one.author.date).getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it("finds the last commit of each entry in one pass", async () => {
    const root = await listTree(repo, { rev: "main" });
    const last = await getLastCommits(repo, {
      rev: "main",
      dir: "",
      paths: root.entries.map((e) => e.path),
    });
    expect(Object.fromEntries(Object.entries(last).map(([p, x]) => [p, x.title]))).toEqual({
      ".gitattributes": "Initial commit",
      "README.md": "Initial commit",
      "big.txt": "Add weights",
      docs: "Remove guide",
      src: "Edit a",
      weights: "Add weights",
    });
    expect(last["src"]).toMatchObject({ id: c[2], authorName: author.name });
    const sub = await getLastCommits(repo, {
      rev: c[1]!,
      dir: "src",
      paths: ["src/a.py", "src/b.py"],
    });
    expect(sub["src/a.py"]!.id).toBe(c[0]);
    const scattered = await getLastCommits(repo, {
      rev: "main",
      paths: ["src/b.py", "docs/new.md"],
    });
    expect([scattered["src/b.py"]!.id, scattered["docs/new.md"]!.id]).toEqual([c[0], c[3]]);
  });

  it("gives up after maxCommits and leaves those entries without a commit", async () => {
    const last = await getLastCommits(repo, {
      rev: "main",
      dir: "",
      paths: ["README.md", "docs"],
      maxCommits: 1,
    });
    expect(Object.keys(last)).toEqual(["docs"]);
  });
});

describe("commit diffs", () => {
  it("lists changed files with line counts and text patches", async () => {
    const diff = await getCommitDiff(repo, { rev: c[3]! });
    expect(diff.base).toBe(c[2]);
    expect(diff.stats).toEqual({ files: 2, additions: 1, deletions: 1 });
    expect(diff.files.map((f) => [f.path, f.status, f.additions, f.deletions])).toEqual([
      ["docs/guide.md", "deleted", 0, 1],
      ["docs/new.md", "added", 1, 0],
    ]);
    expect(diff.files[0]!.patch).toBe("@@ -1 +0,0 @@\n-# Guide\n");
    expect(diff.files[1]!.patch).toBe("@@ -0,0 +1 @@\n+new\n");
    const edit = await getCommitDiff(repo, { rev: c[2]! });
    expect(edit.files[0]).toMatchObject({
      path: "src/a.py",
      status: "modified",
      additions: 1,
      deletions: 0,
      patch: "@@ -1 +1,2 @@\n a = 1\n+a += 1\n",
    });
  });

  it("marks LFS files and leaves out their patch", async () => {
    const diff = await getCommitDiff(repo, { rev: c[1]! });
    const lfs = diff.files.find((f) => f.path === "weights/model.safetensors")!;
    expect(lfs).toMatchObject({
      status: "added",
      patchOmitted: "lfs",
      lfs: { old: null, new: { oid: sha256(weights), size: 4096 } },
    });
    expect(lfs.patch).toBeUndefined();
  });

  it("marks binary files, and bounds patch sizes and file counts", async () => {
    const other = await makeRepo();
    const bin = Buffer.from([0, 1, 2, 3, 0, 5]);
    await commit(other, "Mixed", [
      file("a.dat", bin),
      file("b.txt", "x\n".repeat(2000)),
      file("c.txt", "c\n"),
      file("d.txt", "d\n"),
    ]);
    const diff = await getCommitDiff(other, { rev: "main" });
    expect(diff.files.map((f) => [f.path, f.binary, f.patchOmitted ?? null])).toEqual([
      ["a.dat", true, "binary"],
      ["b.txt", false, null],
      ["c.txt", false, null],
      ["d.txt", false, null],
    ]);
    const tight = await getCommitDiff(other, {
      rev: "main",
      maxFilePatchBytes: 1000,
      maxPatchBytes: 5000,
    });
    expect(tight.files.map((f) => f.patchOmitted ?? "shown")).toEqual([
      "binary",
      "limit",
      "limit",
      "limit",
    ]);
    const perFile = await getCommitDiff(other, { rev: "main", maxFilePatchBytes: 1000 });
    expect(perFile.files.map((f) => f.patchOmitted ?? "shown")).toEqual([
      "binary",
      "too_large",
      "shown",
      "shown",
    ]);
    const few = await getCommitDiff(other, { rev: "main", maxFiles: 2 });
    expect(few.files).toHaveLength(2);
    expect(few.filesTruncated).toBe(true);
    expect(few.stats.files).toBe(4);
  });

  it("matches patches to paths with spaces, quotes and non-ASCII names, and joins type changes", async () => {
    const other = await makeRepo();
    const names = ["sp ace.txt", '"q".txt', "名字.txt"];
    const first = await commit(
      other,
      "Names",
      names.map((n) => file(n, `${n}\n`)),
    );
    // Turn one file into a symlink, as a push could.
    const tree = gitWithInput(
      other,
      ["mktree"],
      git(other, "ls-tree", first).replace(
        /100644 blob ([0-9a-f]+)\tsp ace.txt/,
        (_m, oid: string) => `120000 blob ${oid}\tsp ace.txt`,
      ),
    ).trim();
    const typechange = gitWithInput(
      other,
      ["commit-tree", tree, "-p", first, "-m", "symlink"],
      "",
    ).trim();
    const named = await getCommitDiff(other, { rev: first });
    for (const name of names)
      expect(named.files.find((f) => f.path === name)?.patch).toBe(`@@ -0,0 +1 @@\n+${name}\n`);
    const changed = await getCommitDiff(other, { rev: typechange });
    expect(changed.files).toHaveLength(1);
    expect(changed.files[0]).toMatchObject({
      path: "sp ace.txt",
      status: "typechange",
      oldMode: "100644",
      newMode: "120000",
    });
    expect(changed.files[0]!.patch).toContain("-sp ace.txt");
    expect(changed.files[0]!.patch).toContain("+sp ace.txt");
  });

  it("diffs the root commit against nothing and a merge against its first parent", async () => {
    const root = await getCommitDiff(repo, { rev: repo.initial });
    expect(root.base).toBeNull();
    expect(root.files.map((f) => [f.path, f.status])).toEqual([
      [".gitattributes", "added"],
      ["README.md", "added"],
    ]);
    const tree = git(repo, "rev-parse", `${c[3]}^{tree}`).trim();
    const merge = gitWithInput(
      repo,
      ["commit-tree", tree, "-p", c[1]!, "-p", c[3]!, "-m", "Merge"],
      "",
    ).trim();
    const diff = await getCommitDiff(repo, { rev: merge });
    expect(diff.base).toBe(c[1]);
    expect(diff.files.map((f) => f.path)).toEqual(["docs/guide.md", "docs/new.md", "src/a.py"]);
  });
});

import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { onRepoChanged, type RepoChange } from "@/lib/hub/events";
import { resolveRevision } from "@/lib/hub/read/revisions";
import { listTree } from "@/lib/hub/read/tree";
import { commitChanges } from "@/lib/hub/write/commit-changes";
import { author, git, makeRepo } from "@/test/hub";

import { createBranch, deleteBranch } from "./branches";
import { listRefs } from "./list-refs";
import { createTag, deleteTag } from "./tags";

async function error(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("branches", () => {
  it("creates a branch from a revision, commits to it, and deletes it", async () => {
    const repo = await makeRepo();
    const changes: RepoChange[] = [];
    const stop = onRepoChanged((change) => {
      changes.push(change);
    });
    try {
      const created = await createBranch(repo, { branch: "dev/feature", source: "api" });
      expect(created).toEqual({ ref: "refs/heads/dev/feature", commit: repo.initial });
      const committed = await commitChanges({
        repo,
        branch: "dev/feature",
        message: "On the branch",
        author,
        operations: [{ kind: "file", path: "x.txt", source: { content: "x" } }],
      });
      expect((await listTree(repo, { rev: "dev/feature" })).entries.map((e) => e.path)).toContain(
        "x.txt",
      );
      expect((await listTree(repo, { rev: "main" })).entries.map((e) => e.path)).not.toContain(
        "x.txt",
      );
      const refs = await listRefs(repo);
      expect(refs.defaultBranch).toBe("main");
      expect(refs.branches).toEqual([
        { name: "dev/feature", ref: "refs/heads/dev/feature", commit: committed.commit },
        { name: "main", ref: "refs/heads/main", commit: repo.initial },
      ]);
      await deleteBranch(repo, { branch: "dev/feature" });
      expect(await resolveRevision(repo, "dev/feature")).toBeNull();
      expect(changes.map((c) => (c.kind === "refs" ? c.refs[0] : null))).toEqual([
        { ref: "refs/heads/dev/feature", before: null, after: repo.initial },
        { ref: "refs/heads/dev/feature", before: repo.initial, after: committed.commit },
        { ref: "refs/heads/dev/feature", before: committed.commit, after: null },
      ]);
    } finally {
      stop();
    }
  });

  it("refuses an existing branch unless asked to overwrite", async () => {
    const repo = await makeRepo();
    await createBranch(repo, { branch: "dev" });
    const next = await commitChanges({
      repo,
      branch: "main",
      message: "m",
      author,
      operations: [{ kind: "file", path: "a", source: { content: "a" } }],
    });
    expect((await error(createBranch(repo, { branch: "dev", from: "main" }))).code).toBe(
      "conflict",
    );
    expect(git(repo, "rev-parse", "dev").trim()).toBe(repo.initial);
    await createBranch(repo, { branch: "dev", from: "main", overwrite: true });
    expect(git(repo, "rev-parse", "dev").trim()).toBe(next.commit);
  });

  it("creates an empty branch", async () => {
    const repo = await makeRepo();
    const { commit } = await createBranch(repo, { branch: "empty", empty: true, author });
    expect(git(repo, "ls-tree", commit).trim()).toBe("");
    expect(git(repo, "log", "--format=%P|%an", commit).trim()).toBe(`|${author.name}`);
  });

  it("refuses bad names, the default branch, missing and moved branches", async () => {
    const repo = await makeRepo();
    for (const branch of ["a..b", "-x", "x y", "a:b", "HEAD", "x.lock"]) {
      expect((await error(createBranch(repo, { branch }))).code).toBe("bad_request");
    }
    expect((await error(createBranch(repo, { branch: "x", from: "nope" }))).headers).toEqual({
      "X-Error-Code": "RevisionNotFound",
    });
    expect((await error(deleteBranch(repo, { branch: "main" }))).message).toContain(
      "default branch",
    );
    expect((await error(deleteBranch(repo, { branch: "nope" }))).code).toBe("not_found");
    await createBranch(repo, { branch: "dev" });
    await commitChanges({
      repo,
      branch: "dev",
      message: "m",
      author,
      operations: [{ kind: "file", path: "a", source: { content: "a" } }],
    });
    expect((await error(deleteBranch(repo, { branch: "dev", expected: repo.initial }))).code).toBe(
      "conflict",
    );
    expect(await resolveRevision(repo, "dev")).not.toBeNull();
    // A branch named like a folder of another one clashes in git's ref store.
    expect((await error(createBranch(repo, { branch: "dev/sub" }))).code).toBe("conflict");
  });
});

describe("tags", () => {
  it("creates lightweight and annotated tags, lists them peeled, deletes them", async () => {
    const repo = await makeRepo();
    await createTag(repo, { tag: "v1", rev: "main" });
    await createTag(repo, { tag: "v1.1", rev: "main", message: "Release 1.1", tagger: author });
    expect(git(repo, "cat-file", "-t", "v1.1").trim()).toBe("tag");
    expect(git(repo, "cat-file", "-p", "v1.1")).toContain("Release 1.1");
    const { tags } = await listRefs(repo);
    expect(tags).toEqual([
      { name: "v1", ref: "refs/tags/v1", commit: repo.initial },
      { name: "v1.1", ref: "refs/tags/v1.1", commit: repo.initial, message: "Release 1.1" },
    ]);
    expect((await error(createTag(repo, { tag: "v1", rev: "main" }))).code).toBe("conflict");
    await deleteTag(repo, { tag: "v1.1" });
    expect((await listRefs(repo)).tags.map((t) => t.name)).toEqual(["v1"]);
    expect((await error(deleteTag(repo, { tag: "v1.1" }))).code).toBe("not_found");
    expect((await error(createTag(repo, { tag: "bad tag", rev: "main" }))).code).toBe(
      "bad_request",
    );
  });
});

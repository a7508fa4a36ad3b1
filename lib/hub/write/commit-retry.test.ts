import { describe, expect, it, vi } from "vitest";

import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import { author, git, gitWithInput, makeRepo } from "@/test/hub";

import * as build from "./build-commit";
import { commitChanges } from "./commit-changes";

vi.mock("./build-commit", async (importOriginal) => {
  const original = await importOriginal<typeof build>();
  return { ...original, buildCommit: vi.fn(original.buildCommit) };
});

const buildCommit = vi.mocked(build.buildCommit);

/** Moves `main` the way a git push would: a commit adding `pushed.txt`. */
function pushFromElsewhere(repo: RepoRef): string {
  const head = git(repo, "rev-parse", "main").trim();
  const blob = gitWithInput(repo, ["hash-object", "-w", "--stdin"], "pushed\n").trim();
  const entries = `${git(repo, "ls-tree", head)}100644 blob ${blob}\tpushed.txt\n`;
  const tree = gitWithInput(repo, ["mktree"], entries).trim();
  const next = gitWithInput(repo, ["commit-tree", tree, "-p", head, "-m", "Pushed"], "").trim();
  git(repo, "update-ref", "refs/heads/main", next, head);
  return next;
}

/** Makes the next build race with a push that lands right before the branch would move. */
function raceNextBuildWithPush(repo: RepoRef): { pushed: () => string } {
  let pushed = "";
  const real = vi.importActual<typeof build>("./build-commit");
  buildCommit.mockImplementationOnce(async (options) => {
    const built = await (await real).buildCommit(options);
    pushed = pushFromElsewhere(repo);
    return built;
  });
  return { pushed: () => pushed };
}

describe("a push landing during a server-side commit", () => {
  it("is kept: the commit is rebuilt on top of it", async () => {
    const repo = await makeRepo();
    const race = raceNextBuildWithPush(repo);
    buildCommit.mockClear();
    const result = await commitChanges({
      repo,
      branch: "main",
      message: "Upload",
      author,
      operations: [{ kind: "file", path: "uploaded.txt", source: { content: "uploaded\n" } }],
    });
    expect(buildCommit).toHaveBeenCalledTimes(2);
    expect(result.parent).toBe(race.pushed());
    expect(git(repo, "ls-tree", "--name-only", "main").split("\n")).toEqual(
      expect.arrayContaining(["pushed.txt", "uploaded.txt"]),
    );
    git(repo, "fsck", "--strict");
  });

  it("fails a commit that named its parent, leaving the push in place", async () => {
    const repo = await makeRepo();
    const race = raceNextBuildWithPush(repo);
    const error = await commitChanges({
      repo,
      branch: "main",
      parentCommit: repo.initial,
      message: "Upload",
      author,
      operations: [{ kind: "file", path: "uploaded.txt", source: { content: "uploaded\n" } }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect(git(repo, "rev-parse", "main").trim()).toBe(race.pushed());
    expect(git(repo, "ls-tree", "--name-only", "main")).not.toContain("uploaded.txt");
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { parseCard } from "@/lib/hub/card/parse-card";
import { onRepoChanged, type RepoChange } from "@/lib/hub/events";
import { repoGitDir } from "@/lib/hub/paths";
import { readFileBytes } from "@/lib/hub/read/blob";
import { listTree } from "@/lib/hub/read/tree";
import type { RepoRef } from "@/lib/hub/types";
import { staleTempAfterMs, sweepStaleTempFiles } from "@/lib/storage/temp-sweep";
import { uniqueName } from "@/test/factories";
import { author, git, makeRepo } from "@/test/hub";

import { deleteRepository, initRepository, renameRepository } from "./manage";
import { repoExists } from "./open";

async function error(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function readme(repo: RepoRef) {
  return (
    await readFileBytes(repo, { rev: "main", path: "README.md", maxBytes: 100_000 })
  ).data.toString();
}

function recordChanges(): { changes: RepoChange[]; stop: () => void } {
  const changes: RepoChange[] = [];
  const stop = onRepoChanged((change) => {
    changes.push(change);
  });
  return { changes, stop };
}

describe("initRepository", () => {
  it("creates a bare repo with a card template and LFS defaults, ready to serve", async () => {
    const { changes, stop } = recordChanges();
    const repo = await makeRepo("model").finally(stop);
    const gitDir = repoGitDir(repo);
    expect(gitDir).toBe(
      path.join(getConfig().dataDir, "git", "models", "acme", `${repo.name}.git`),
    );
    expect(git(repo, "rev-parse", "--is-bare-repository").trim()).toBe("true");
    expect(git(repo, "symbolic-ref", "HEAD").trim()).toBe("refs/heads/main");
    expect(git(repo, "rev-parse", "main").trim()).toBe(repo.initial);
    expect(git(repo, "config", "receive.fsckObjects").trim()).toBe("true");
    expect(git(repo, "config", "http.receivepack").trim()).toBe("true");
    expect(git(repo, "config", "uploadpack.allowFilter").trim()).toBe("true");
    expect(fs.existsSync(path.join(gitDir, "hooks"))).toBe(false);
    git(repo, "fsck", "--strict");

    const page = await listTree(repo, { rev: "main" });
    expect(page.entries.map((e) => e.path)).toEqual([".gitattributes", "README.md"]);
    const attributes = (
      await readFileBytes(repo, { rev: "main", path: ".gitattributes", maxBytes: 10_000 })
    ).data.toString();
    for (const pattern of [
      "*.safetensors",
      "*.bin",
      "*.pt",
      "*.pth",
      "*.ckpt",
      "*.onnx",
      "*.h5",
      "*.msgpack",
      "*.gguf",
      "*.parquet",
      "*.arrow",
      "*.zip",
      "*.tar.*",
      "*.tgz",
      "*.7z",
      "*.npy",
      "*.npz",
      "*.pkl",
      "*.pickle",
      "*.tflite",
      "*.ot",
      "*.model",
      "*.joblib",
      "*.mindir",
    ]) {
      expect(attributes).toContain(`${pattern} filter=lfs diff=lfs merge=lfs -text\n`);
    }
    const card = parseCard(await readme(repo), { type: "model" });
    expect(card.warnings).toEqual([]);
    expect(card.metadata.licenses).toEqual(["apache-2.0"]);
    expect(card.body).toContain(`from_pretrained("acme/${repo.name}")`);
    expect(changes).toEqual([
      {
        kind: "created",
        repo: { type: "model", owner: "acme", name: repo.name },
        refs: [{ ref: "refs/heads/main", before: null, after: repo.initial }],
      },
    ]);
    expect(fs.readdirSync(path.join(getConfig().dataDir, "git", ".tmp"))).toEqual([]);
  });

  it("fills the card from the create form, per type", async () => {
    const repo: RepoRef = { type: "dataset", owner: "acme", name: uniqueName("ds") };
    await initRepository({
      ...repo,
      author,
      card: { license: "cc-by-4.0", taskCategories: ["text-classification"], languages: ["zh"] },
    });
    const card = parseCard(await readme(repo), { type: "dataset" });
    expect(card.tags).toEqual([
      "task_categories:text-classification",
      "language:zh",
      "license:cc-by-4.0",
    ]);
    expect(repoGitDir(repo)).toContain(`${path.sep}datasets${path.sep}acme${path.sep}`);
  });

  it("start a Space with its SDK's app and a card holding its settings", async () => {
    const expectations = [
      { sdk: "static", files: ["index.html"], port: undefined },
      { sdk: "gradio", files: ["app.py", "requirements.txt"], port: 7860 },
      { sdk: "docker", files: ["Dockerfile", "app.py"], port: 7860 },
    ] as const;
    for (const { sdk, files, port } of expectations) {
      const space: RepoRef = { type: "space", owner: "acme", name: uniqueName("sp") };
      await initRepository({
        ...space,
        author,
        space: {
          sdk,
          hardware: "npu-basic",
          emoji: "🤖",
          baseImage: "hub.example.com/base_image/openmind:cpu-py3.11",
        },
      });
      const listing = execFileSync("git", [
        "--git-dir",
        repoGitDir(space),
        "ls-tree",
        "--name-only",
        "main",
      ])
        .toString()
        .trim()
        .split("\n");
      expect(listing.sort()).toEqual([".gitattributes", "README.md", ...files].sort());
      const data = parseCard(await readme(space), { type: "space" }).data;
      expect(data).toMatchObject({ title: space.name, emoji: "🤖", sdk });
      expect(data.app_port).toBe(port);
      // Static Spaces run on CPU whatever was asked, and only gradio builds on a base environment.
      expect(data.hardware).toBe(sdk === "static" ? "cpu-basic" : "npu-basic");
      expect(data.base_image).toBe(
        sdk === "gradio" ? "hub.example.com/base_image/openmind:cpu-py3.11" : undefined,
      );
    }
  });

  it("can be cloned with the git CLI", async () => {
    const repo = await makeRepo();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clone-"));
    try {
      execFileSync("git", ["clone", "-q", repoGitDir(repo), path.join(dir, "c")], {
        env: {
          PATH: process.env.PATH,
          GIT_CONFIG_NOSYSTEM: "1",
          GIT_CONFIG_GLOBAL: "/dev/null",
        } as unknown as NodeJS.ProcessEnv,
      });
      expect(fs.readdirSync(path.join(dir, "c")).sort()).toEqual([
        ".git",
        ".gitattributes",
        "README.md",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an existing name, also in another case, and bad names", async () => {
    const repo = await makeRepo();
    expect((await error(initRepository({ ...repo, author }))).code).toBe("conflict");
    expect(
      (await error(initRepository({ ...repo, name: repo.name.toUpperCase(), author }))).message,
    ).toContain("already has a model named");
    for (const name of ["../evil", "x.git", ".hidden", "a/b", ""]) {
      expect(
        (await error(initRepository({ type: "model", owner: "acme", name, author }))).code,
      ).toBe("bad_request");
    }
    expect(
      (await error(initRepository({ type: "model", owner: "../acme", name: "x", author }))).code,
    ).toBe("bad_request");
    // The same name is free for another type.
    await initRepository({ type: "dataset", owner: repo.owner, name: repo.name, author });
  });

  it("lets one of two concurrent creations of the same repo win", async () => {
    const repo: RepoRef = { type: "model", owner: "acme", name: uniqueName("race") };
    const results = await Promise.allSettled([
      initRepository({ ...repo, author }),
      initRepository({ ...repo, author }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    git(repo, "fsck", "--strict");
  });
});

describe("deleteRepository and renameRepository", () => {
  it("deletes a repository completely", async () => {
    const repo = await makeRepo();
    await listTree(repo, { rev: "main" }); // opens a pooled reader on it
    const { changes, stop } = recordChanges();
    await deleteRepository(repo).finally(stop);
    expect(await repoExists(repo)).toBe(false);
    expect(fs.existsSync(repoGitDir(repo))).toBe(false);
    expect(fs.readdirSync(path.join(getConfig().dataDir, "git", ".trash"))).toEqual([]);
    expect((await error(listTree(repo, { rev: "main" }))).headers).toEqual({
      "X-Error-Code": "RepoNotFound",
    });
    expect(changes).toEqual([
      { kind: "deleted", repo: { type: "model", owner: "acme", name: repo.name } },
    ]);
    expect((await error(deleteRepository(repo))).code).toBe("not_found");
  });

  it("renames and moves a repository, keeping its history", async () => {
    const repo = await makeRepo();
    await listTree(repo, { rev: "main" });
    const { changes, stop } = recordChanges();
    const moved = await renameRepository(repo, { owner: "other-org", name: "renamed" }).finally(
      stop,
    );
    expect(moved).toEqual({ type: "model", owner: "other-org", name: "renamed" });
    expect(await repoExists(repo)).toBe(false);
    expect(git(moved, "rev-parse", "main").trim()).toBe(repo.initial);
    expect((await listTree(moved, { rev: "main" })).entries).toHaveLength(2);
    expect(changes).toEqual([
      { kind: "renamed", repo: moved, from: { type: "model", owner: "acme", name: repo.name } },
    ]);

    const caseOnly = await renameRepository(moved, { owner: "other-org", name: "Renamed" });
    expect(await repoExists(caseOnly)).toBe(true);
    expect(await repoExists(moved)).toBe(false);
  });

  it("refuses to rename onto an existing repository", async () => {
    const a = await makeRepo();
    const b = await makeRepo();
    expect((await error(renameRepository(a, { owner: b.owner, name: b.name }))).code).toBe(
      "conflict",
    );
    expect(
      (await error(renameRepository(a, { owner: b.owner, name: b.name.toUpperCase() }))).code,
    ).toBe("conflict");
    expect((await error(renameRepository(a, { owner: "acme", name: "bad..name" }))).code).toBe(
      "bad_request",
    );
    expect(await repoExists(a)).toBe(true);
  });
});

describe("sweeping leftovers of crashed operations", () => {
  it("removes old temp repos, trash and quarantines, and keeps fresh ones", async () => {
    const repo = await makeRepo();
    const root = path.join(getConfig().dataDir, "git");
    const old = new Date(Date.now() - staleTempAfterMs - 60 * 60 * 1000);
    const leftovers = [
      path.join(root, ".tmp", "crashed.git"),
      path.join(root, ".trash", "deleted"),
      path.join(repoGitDir(repo), "objects", "incoming-strata-crashed"),
    ];
    for (const dir of leftovers) {
      fs.mkdirSync(path.join(dir, "ab"), { recursive: true });
      fs.utimesSync(path.join(dir, "ab"), old, old);
      fs.utimesSync(dir, old, old);
    }
    const fresh = path.join(root, ".tmp", "running.git");
    fs.mkdirSync(fresh, { recursive: true });
    expect((await sweepStaleTempFiles()).count).toBeGreaterThanOrEqual(3);
    for (const dir of leftovers) expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh, { recursive: true });
    git(repo, "fsck", "--strict");
  });
});

// Interop: real git and git-lfs against the server's smart HTTP (/models/{owner}/{name}.git …)
// and its LFS API: clone, push with tokens, refusals, private repositories, large plain files.
import { uploadFiles } from "@huggingface/hub";
import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { createToken, createUser, uniqueName } from "../support/cli";

const exec = promisify(execFile);
const baseURL = (process.env.STRATA_E2E_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const host = new URL(baseURL).host;
const hubUrl = `${baseURL}/hf`;

type GitResult = { ok: boolean; stdout: string; stderr: string };

let home: string;

/** Runs git with a throw-away HOME (git-lfs installed there), no system config and no prompts. */
async function git(
  args: string[],
  cwd?: string,
  extraEnv: Record<string, string> = {},
): Promise<GitResult> {
  try {
    const { stdout, stderr } = await exec("git", args, {
      cwd,
      env: {
        ...process.env,
        ...extraEnv,
        HOME: home,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_TERMINAL_PROMPT: "0",
        GIT_ASKPASS: "",
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function mustGit(args: string[], cwd?: string): Promise<string> {
  const result = await git(args, cwd);
  expect(result.ok, `git ${args.join(" ")}\n${result.stderr}`).toBe(true);
  return result.stdout;
}

const cloneUrl = (repo: string, auth?: { user: string; token: string }, type = "models") =>
  `http://${auth ? `${auth.user}:${auth.token}@` : ""}${host}/${type}/${repo}.git`;

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

test.describe.configure({ mode: "serial" });

test.describe("git and git-lfs over HTTP", () => {
  let owner: { user: string; token: string };
  let readOnly: { user: string; token: string };
  let other: { user: string; token: string };
  let repo: string;
  let work: string;
  const weights = randomBytes(3 * 1024 * 1024);

  test.beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "strata-git-e2e-"));
    work = path.join(home, "work");
    fs.mkdirSync(work);
    await mustGit(["config", "--global", "user.name", "Interop Test"]);
    await mustGit(["config", "--global", "user.email", "interop@example.com"]);
    await mustGit(["lfs", "install"]);
    const ownerName = (await createUser({ prefix: "git" })).username;
    owner = { user: ownerName, token: await createToken(ownerName, "write") };
    readOnly = { user: ownerName, token: await createToken(ownerName, "read") };
    const otherName = (await createUser({ prefix: "oth" })).username;
    other = { user: otherName, token: await createToken(otherName, "write") };
    repo = `${ownerName}/${uniqueName("gitrepo")}`;
    // The repository and its LFS file come from the HF API, so the clone crosses protocols.
    const response = await fetch(`${hubUrl}/api/repos/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: repo.split("/")[1], organization: ownerName, type: "model" }),
    });
    expect(response.status).toBe(200);
    await uploadFiles({
      hubUrl,
      accessToken: owner.token,
      repo,
      files: [{ path: "weights.safetensors", content: new Blob([weights]) }],
    });
  });

  test.afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  test("clones a repository anonymously, with its LFS file smudged byte for byte", async () => {
    await mustGit(["clone", cloneUrl(repo), "anon"], work);
    const cloned = fs.readFileSync(path.join(work, "anon", "weights.safetensors"));
    expect(sha256(cloned)).toBe(sha256(weights));
    expect(await mustGit(["lfs", "ls-files"], path.join(work, "anon"))).toContain(
      "weights.safetensors",
    );
  });

  test("pushes a new LFS file with a token; the HF API and the hub's index show it", async () => {
    const dir = path.join(work, "owner");
    await mustGit(["clone", cloneUrl(repo, owner), "owner"], work);
    const added = randomBytes(2 * 1024 * 1024);
    fs.mkdirSync(path.join(dir, "ckpt"));
    fs.writeFileSync(path.join(dir, "ckpt", "step-1.bin"), added);
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    fs.writeFileSync(
      path.join(dir, "README.md"),
      readme.replace(/^---\n/, "---\ntags:\n- pytorch\n"),
    );
    await mustGit(["add", "-A"], dir);
    await mustGit(["commit", "-m", "Add a checkpoint"], dir);
    await mustGit(["push", "origin", "main"], dir);
    const head = (await mustGit(["rev-parse", "HEAD"], dir)).trim();

    // The file is LFS in git, and the HF API lists and serves it.
    const info = await (
      await fetch(`${hubUrl}/api/models/${repo}/paths-info/main`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ paths: ["ckpt/step-1.bin"] }),
      })
    ).json();
    expect(info).toEqual([
      expect.objectContaining({
        path: "ckpt/step-1.bin",
        size: added.length,
        lfs: expect.objectContaining({ oid: sha256(added) }),
      }),
    ]);
    const file = await fetch(`${hubUrl}/${repo}/resolve/main/ckpt/step-1.bin`);
    expect(file.headers.get("x-repo-commit")).toBe(head);
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(added));

    // The push reached the search index: head commit and the new card tag are listed.
    const listed = await (
      await fetch(`${hubUrl}/api/models?author=${owner.user}&filter=pytorch`)
    ).json();
    expect(listed).toEqual([
      expect.objectContaining({ id: repo, sha: head, tags: expect.arrayContaining(["pytorch"]) }),
    ]);
  });

  test("refuses anonymous pushes, other users and read-only tokens", async () => {
    const dir = path.join(work, "anon");
    fs.writeFileSync(path.join(dir, "intruder.txt"), "nope\n");
    await mustGit(["add", "intruder.txt"], dir);
    await mustGit(["commit", "-m", "Intrude"], dir);
    const anonymous = await git(["push", cloneUrl(repo), "HEAD:main"], dir);
    expect(anonymous.ok).toBe(false);
    expect(anonymous.stderr).toMatch(/could not read Username|Authentication failed/);
    const stranger = await git(["push", cloneUrl(repo, other), "HEAD:main"], dir);
    expect(stranger.ok).toBe(false);
    expect(stranger.stderr).toContain("You do not have write access");
    const reader = await git(["push", cloneUrl(repo, readOnly), "HEAD:main"], dir);
    expect(reader.ok).toBe(false);
    expect(reader.stderr).toContain("read-only");
    const remote = await mustGit(["ls-remote", cloneUrl(repo), "refs/heads/main"]);
    expect(remote).not.toContain((await mustGit(["rev-parse", "HEAD"], dir)).trim());
  });

  test("keeps a private repository from anyone without access", async () => {
    const name = uniqueName("private");
    const response = await fetch(`${hubUrl}/api/repos/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name, type: "dataset", private: true }),
    });
    expect(response.status).toBe(200);
    const privateRepo = `${owner.user}/${name}`;
    const anonymous = await git(
      ["clone", cloneUrl(privateRepo, undefined, "datasets"), "p-anon"],
      work,
    );
    expect(anonymous.ok).toBe(false);
    expect(fs.existsSync(path.join(work, "p-anon", "README.md"))).toBe(false);
    const stranger = await git(
      ["clone", cloneUrl(privateRepo, other, "datasets"), "p-other"],
      work,
    );
    expect(stranger.ok).toBe(false);
    expect(stranger.stderr).toContain("not found");
    await mustGit(["clone", cloneUrl(privateRepo, readOnly, "datasets"), "p-owner"], work);
    expect(fs.existsSync(path.join(work, "p-owner", "README.md"))).toBe(true);
  });

  test("a pushed pointer to another repository's private LFS object serves none of its bytes", async () => {
    // Alice (the owner) pushes real LFS content to her private repository.
    const vaultName = uniqueName("vault");
    const created = await fetch(`${hubUrl}/api/repos/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: vaultName, type: "model", private: true }),
    });
    expect(created.status).toBe(200);
    const vault = path.join(work, "vault");
    await mustGit(["clone", cloneUrl(`${owner.user}/${vaultName}`, owner), "vault"], work);
    const secret = randomBytes(256 * 1024);
    const marker = `alice-secret-${randomBytes(8).toString("hex")}`;
    const card = Buffer.from(`# ${marker}\n\nPrivate notes.\n`);
    await mustGit(["lfs", "track", "*.bin"], vault);
    fs.writeFileSync(path.join(vault, "secret.bin"), secret);
    fs.writeFileSync(path.join(vault, "card.bin"), card);
    await mustGit(["add", "-A"], vault);
    await mustGit(["commit", "-m", "Private weights"], vault);
    await mustGit(["push", "origin", "main"], vault);

    // Bob commits pointers naming her objects into his public repository, sending no bytes.
    const leakName = uniqueName("leak");
    const leakCreated = await fetch(`${hubUrl}/api/repos/create`, {
      method: "POST",
      headers: { Authorization: `Bearer ${other.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: leakName, type: "model" }),
    });
    expect(leakCreated.status).toBe(200);
    const leakRepo = `${other.user}/${leakName}`;
    const leak = path.join(work, "leak");
    await mustGit(["clone", cloneUrl(leakRepo, other), "leak"], work);
    const pointer = (data: Buffer) =>
      `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(data)}\nsize ${data.length}\n`;
    fs.writeFileSync(path.join(leak, "model.bin"), pointer(secret));
    fs.writeFileSync(path.join(leak, "README.md"), pointer(card));
    await mustGit(["add", "-A"], leak);
    await mustGit(["commit", "-m", "Pointers"], leak);
    const pushed = await git(["push", "origin", "main"], leak, { GIT_LFS_SKIP_PUSH: "1" });
    expect(pushed.ok, pushed.stderr).toBe(true);

    for (const url of [
      `${baseURL}/models/${leakRepo}/resolve/main/model.bin`,
      `${hubUrl}/${leakRepo}/resolve/main/model.bin`,
    ]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(404);
      expect(Buffer.from(await response.arrayBuffer()).includes(secret.subarray(0, 64))).toBe(
        false,
      );
    }
    const readme = await fetch(`${baseURL}/models/${leakRepo}/resolve/main/README.md`);
    expect(readme.status).toBe(404);
    const page = await (await fetch(`${baseURL}/models/${leakRepo}`)).text();
    expect(page).not.toContain(marker);
    expect(page).toContain(sha256(card));
    const blobPage = await (
      await fetch(`${baseURL}/models/${leakRepo}/blob/main/README.md`)
    ).text();
    expect(blobPage).not.toContain(marker);

    // Her own repository still serves her content to her.
    const own = await fetch(
      `${baseURL}/models/${owner.user}/${vaultName}/resolve/main/secret.bin`,
      {
        headers: { Authorization: `Bearer ${owner.token}` },
      },
    );
    expect(own.status).toBe(200);
    expect(sha256(Buffer.from(await own.arrayBuffer()))).toBe(sha256(secret));
  });

  test("refuses a push that adds a 100 MB file outside LFS, saying to use git lfs track", async () => {
    const dir = path.join(work, "owner");
    // Zeros: 100 MB in the working tree, a few hundred KB in the pack.
    fs.writeFileSync(path.join(dir, "dump.raw"), Buffer.alloc(100_000_000));
    await mustGit(["add", "dump.raw"], dir);
    await mustGit(["commit", "-m", "Add a raw dump"], dir);
    const push = await git(["push", "origin", "main"], dir);
    expect(push.ok).toBe(false);
    expect(push.stderr).toContain("dump.raw is 100000000 bytes");
    expect(push.stderr).toContain("git lfs track");
    const remote = await mustGit(["ls-remote", cloneUrl(repo), "refs/heads/main"]);
    expect(remote).not.toContain((await mustGit(["rev-parse", "HEAD"], dir)).trim());
  });
});

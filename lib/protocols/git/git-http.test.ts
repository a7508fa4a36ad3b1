import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { onRepoChanged, repoGitDir, type RepoChange } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { hf, makeAccount, makeHubRepo } from "@/test/hf";

import { gitInfoRoute, gitRpcRoute, typeFromSection } from "./handlers";
import { pktLine } from "./pkt-line";
import { ensureGitHooks, preReceiveScript } from "./pre-receive-hook";
import { announcePush } from "./push";

const infoRoute = gitInfoRoute(typeFromSection);
const basic = (user: string, token: string) =>
  `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;

function infoRefs(
  repo: { owner: string; name: string },
  service: string,
  headers: Record<string, string> = {},
) {
  const request = new Request(
    `http://localhost:3000/models/${repo.owner}/${repo.name}.git/info/refs?service=${service}`,
    { headers },
  );
  return infoRoute(request, {
    params: Promise.resolve({
      section: "models",
      owner: repo.owner,
      name: `${repo.name}.git`,
      rest: ["refs"],
    }),
  });
}

const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "T",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "T",
  GIT_COMMITTER_EMAIL: "t@example.com",
};
const run = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env, maxBuffer: 1 << 26 }).toString();

describe("git smart HTTP access", () => {
  it("advertises refs to readers, with the v0 preamble or as protocol v2", async () => {
    const owner = await makeAccount();
    const { address } = await makeHubRepo(owner);
    const v0 = await infoRefs(address, "git-upload-pack");
    expect(v0.status).toBe(200);
    expect(v0.headers.get("content-type")).toBe("application/x-git-upload-pack-advertisement");
    const v0Body = Buffer.from(await v0.arrayBuffer()).toString("latin1");
    expect(v0Body.startsWith("001e# service=git-upload-pack\n0000")).toBe(true);
    expect(v0Body).toContain("refs/heads/main");
    const v2 = Buffer.from(
      await (
        await infoRefs(address, "git-upload-pack", { "Git-Protocol": "version=2" })
      ).arrayBuffer(),
    ).toString();
    expect(v2.startsWith("000eversion 2\n")).toBe(true);
    expect(v2).toContain("ls-refs");
    expect((await infoRefs(address, "git-upload-archive")).status).toBe(403);
  });

  it("asks anonymous callers for credentials, hides private repos, and needs write to push", async () => {
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const { address } = await makeHubRepo(owner, { isPrivate: true });
    const anonymous = await infoRefs(address, "git-upload-pack");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    const other = await infoRefs(address, "git-upload-pack", {
      Authorization: basic(stranger.name, stranger.write),
    });
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("Repository not found.\n");
    const missing = await infoRefs({ owner: owner.name, name: "ghost" }, "git-upload-pack", {
      Authorization: basic(owner.name, owner.write),
    });
    expect(missing.status).toBe(404);
    const reader = await infoRefs(address, "git-receive-pack", {
      Authorization: basic(owner.name, owner.read),
    });
    expect(reader.status).toBe(403);
    expect(await reader.text()).toContain("read-only");
    const writer = await infoRefs(address, "git-receive-pack", {
      Authorization: basic(owner.name, owner.write),
    });
    expect(writer.status).toBe(200);
    const bad = await infoRefs(address, "git-upload-pack", {
      Authorization: basic(owner.name, "hf_" + "x".repeat(37)),
    });
    expect(bad.status).toBe(401);
    // The same rules on the HF mount of git.
    expect(
      (await hf("GET", `/${owner.name}/${address.name}.git/info/refs?service=git-upload-pack`))
        .status,
    ).toBe(401);
  });

  it("serves a protocol v2 ls-refs, gunzipping the body, and checks the content type", async () => {
    const owner = await makeAccount();
    const { address } = await makeHubRepo(owner);
    const route = gitRpcRoute(typeFromSection, "git-upload-pack");
    const call = (body: Buffer, headers: Record<string, string>) =>
      route(
        new Request(
          `http://localhost:3000/models/${address.owner}/${address.name}.git/git-upload-pack`,
          { method: "POST", headers, body: new Uint8Array(body) },
        ),
        {
          params: Promise.resolve({
            section: "models",
            owner: address.owner,
            name: `${address.name}.git`,
          }),
        },
      );
    const request = Buffer.concat([
      pktLine("command=ls-refs\n"),
      Buffer.from("0001"),
      Buffer.from("0000"),
    ]);
    const { gzipSync } = await import("node:zlib");
    const response = await call(gzipSync(request), {
      "Content-Type": "application/x-git-upload-pack-request",
      "Content-Encoding": "gzip",
      "Git-Protocol": "version=2",
    });
    expect(response.headers.get("content-type")).toBe("application/x-git-upload-pack-result");
    expect(await response.text()).toMatch(/^[0-9a-f]{4}[0-9a-f]{40} HEAD\n/);
    expect((await call(request, { "Content-Type": "text/plain" })).status).toBe(400);
  });
});

describe("pushes", () => {
  it("runs the pre-receive hook: refuses 100 MB plain files and refs outside branches and tags", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const gitDir = repoGitDir(refOf(repo.record));
    const installed = await ensureGitHooks();
    expect(fs.statSync(path.join(installed, "pre-receive")).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(path.join(installed, "pre-receive"), "utf8")).toBe(
      preReceiveScript(100_000_000),
    );
    // The same script with a small limit, so the test need not push 100 MB (the interop spec does).
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-push-"));
    const hooks = path.join(work, "hooks");
    fs.mkdirSync(hooks);
    fs.writeFileSync(path.join(hooks, "pre-receive"), preReceiveScript(1000), { mode: 0o755 });
    try {
      run(work, "clone", "-q", gitDir, "c");
      const dir = path.join(work, "c");
      const receivePack = `--receive-pack=git -c core.hooksPath=${hooks} receive-pack`;
      const push = (...args: string[]) =>
        spawnSync("git", ["push", receivePack, "origin", ...args], {
          cwd: dir,
          env,
          encoding: "utf8",
        });

      fs.writeFileSync(path.join(dir, "ok.txt"), "fine\n");
      run(dir, "add", "ok.txt");
      run(dir, "commit", "-qm", "ok");
      expect(push("HEAD:main").status).toBe(0);
      const notes = push("HEAD:refs/notes/x");
      expect(notes.status).not.toBe(0);
      expect(notes.stderr).toContain(
        "only branches (refs/heads/...) and tags (refs/tags/...) can be pushed",
      );

      fs.writeFileSync(path.join(dir, "big file.raw"), Buffer.alloc(1000));
      run(dir, "add", "big file.raw");
      run(dir, "commit", "-qm", "big");
      const big = push("HEAD:main");
      expect(big.status).not.toBe(0);
      expect(big.stderr).toContain("big file.raw is 1000 bytes");
      expect(big.stderr).toContain("git lfs track");
      // Just under the limit is fine.
      run(dir, "reset", "-q", "--hard", "HEAD~1");
      fs.writeFileSync(path.join(dir, "almost.raw"), Buffer.alloc(999));
      run(dir, "add", "almost.raw");
      run(dir, "commit", "-qm", "almost");
      expect(push("HEAD:refs/heads/side").status).toBe(0);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it("announces exactly the refs a push moved", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const ref = refOf(repo.record);
    const gitDir = repoGitDir(ref);
    const main = run(gitDir, "rev-parse", "main").trim();
    run(gitDir, "update-ref", "refs/heads/dev", main);
    const changes: RepoChange[] = [];
    const stop = onRepoChanged((change) => {
      changes.push(change);
    });
    try {
      await announcePush(ref, gitDir, [
        { ref: "refs/heads/dev", before: null, after: main },
        // Refused by the hook (or lost a race): the ref is not where the client asked.
        { ref: "refs/heads/main", before: main, after: "1".repeat(40) },
      ]);
    } finally {
      stop();
    }
    expect(changes).toEqual([
      {
        kind: "refs",
        source: "git",
        repo: ref,
        refs: [{ ref: "refs/heads/dev", before: null, after: main }],
      },
    ]);
  });
});

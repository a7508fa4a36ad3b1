import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findJobByTokenHash } from "@/db/queries/job-runs";
import { resolveCaller } from "@/lib/auth/caller";
import { commitChanges } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";
import { claimFor, makeRunner, queueScript } from "@/test/jobs/fixtures";
import { startRouteServer } from "@/test/jobs/route-server";

import { finishJob } from "./job-runs";
import { hashSecret } from "./secrets";

let server: Awaited<ReturnType<typeof startRouteServer>>;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-job-clone-"));
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
};

beforeAll(async () => {
  server = await startRouteServer();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs git without blocking the event loop (the server answering it runs in this process). */
function git(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ ok: boolean; stderr: string }>((resolve) => {
    execFile("git", args, { env: { ...env, ...extraEnv } }, (error, _stdout, stderr) =>
      resolve({ ok: !error, stderr }),
    );
  });
}

/** `git clone` over real HTTP with the token as password. */
async function clone(repoPath: string, token: string) {
  const url = new URL(`${server.url}/${repoPath}.git`);
  url.username = "job";
  url.password = token;
  const dir = path.join(work, `c${Math.random().toString(36).slice(2)}`);
  return { ...(await git(["clone", "-q", url.toString(), dir])), dir };
}

async function privateRepoWithFile() {
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner, { isPrivate: true });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "Add app",
    operations: [{ kind: "file", path: "app.py", source: { content: "print('hi')\n" } }],
  });
  return { owner, record, repoPath: `models/${record.ownerName}/${record.name}` };
}

async function runningJob(clone: string[]) {
  const labels = { hardware: "cpu", pool: `clone-${Math.random()}` };
  const runner = await makeRunner({ labels });
  const id = await queueScript("true", { kind: "model-ci", labels, grants: { clone } });
  const payload = (await claimFor(runner))!;
  expect(payload.id).toBe(id);
  return payload;
}

describe("job tokens on git and file downloads", () => {
  it("clone a private repository their grant names while the attempt runs, and nothing after", async () => {
    const { repoPath } = await privateRepoWithFile();
    const job = await runningJob([repoPath]);

    const cloned = await clone(repoPath, job.token);
    expect(cloned.stderr).toBe("");
    expect(cloned.ok).toBe(true);
    expect(fs.readFileSync(path.join(cloned.dir, "app.py"), "utf8")).toBe("print('hi')\n");

    const download = await fetch(`${server.url}/${repoPath}/resolve/main/app.py`, {
      headers: { Authorization: `Bearer ${job.token}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("print('hi')\n");

    // Reading is all a grant gives: a push with the same token is refused.
    const who = {
      GIT_AUTHOR_NAME: "a",
      GIT_AUTHOR_EMAIL: "a@x",
      GIT_COMMITTER_NAME: "a",
      GIT_COMMITTER_EMAIL: "a@x",
    };
    expect(
      (await git(["-C", cloned.dir, "commit", "-q", "--allow-empty", "-m", "x"], who)).ok,
    ).toBe(true);
    const push = await git(["-C", cloned.dir, "push", "-q", "origin", "HEAD:main"]);
    expect(push.ok).toBe(false);
    expect(push.stderr).toMatch(/403|write access/);

    const view = (await findJobByTokenHash(hashSecret(job.token)))!;
    await finishJob(view, { attempt: job.attempt, outcome: "succeeded", exitCode: 0 });

    const after = await clone(repoPath, job.token);
    expect(after.ok).toBe(false);
    expect(after.stderr).toMatch(/Authentication failed|401|Invalid credentials/);
    const downloadAfter = await fetch(`${server.url}/${repoPath}/resolve/main/app.py`, {
      headers: { Authorization: `Bearer ${job.token}` },
    });
    expect(downloadAfter.status).toBe(401);
  });

  it("read nothing private their grant does not name", async () => {
    const { repoPath } = await privateRepoWithFile();
    const other = await privateRepoWithFile();
    const job = await runningJob([other.repoPath]);
    expect((await clone(repoPath, job.token)).ok).toBe(false);
    const download = await fetch(`${server.url}/${repoPath}/resolve/main/app.py`, {
      headers: { Authorization: `Bearer ${job.token}` },
    });
    expect(download.status).toBe(404);
  });

  it("are refused by every other entry point", async () => {
    const { repoPath } = await privateRepoWithFile();
    const job = await runningJob([repoPath]);
    const request = new Request("http://localhost/api/whoami", {
      headers: { Authorization: `Bearer ${job.token}` },
    });
    await expect(resolveCaller(request)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(resolveCaller(request, { acceptJobTokens: true })).resolves.toMatchObject({
      auth: { type: "job", jobId: job.id },
      isAdmin: false,
    });
  });
});

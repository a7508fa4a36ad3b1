import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { findLfsObjects } from "@/db/queries/lfs-objects";
import { revokeAccessToken } from "@/lib/auth/access-tokens";
import { commitChanges, createBranch, repoGitDir } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { commitIdentity } from "@/lib/repos/identity";
import { getBlobStore } from "@/lib/storage/blob-store";
import { sessionCaller } from "@/test/factories";
import { hf, makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";

import { findRepoLfsObjects } from "@/db/queries/repo-lfs-objects";
import type { BatchObject } from "./batch";
import { decodeGrant, encodeGrant } from "./transfer-grant";

const lfsHeaders = {
  Accept: "application/vnd.git-lfs+json",
  "Content-Type": "application/vnd.git-lfs+json",
};
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function batch(
  repoId: string,
  token: string | undefined,
  operation: "upload" | "download",
  objects: { oid: string; size: number }[],
) {
  const response = await hf("POST", `/${repoId}.git/info/lfs/objects/batch`, {
    token,
    headers: lfsHeaders,
    json: { operation, transfers: ["basic"], hash_algo: "sha256", objects },
  });
  return {
    response,
    body: (await response.json()) as {
      transfer?: string;
      objects: BatchObject[];
      message?: string;
    },
  };
}

async function upload(repoId: string, account: TestAccount, data: Buffer) {
  const object = { oid: sha256(data), size: data.length };
  const { body } = await batch(repoId, account.write, "upload", [object]);
  const actions = body.objects[0]!.actions!;
  // Neither HF client sends credentials with the PUT: the link alone must do.
  const put = await hf("PUT", actions.upload!.href, { body: new Uint8Array(data) });
  expect(put.status).toBe(200);
  const verify = await hf("POST", actions.verify!.href, { json: object });
  expect(verify.status).toBe(200);
  return object;
}

describe("LFS batch and basic transfers", () => {
  it("uploads through a signed link, verifies, then skips the upload and serves the download", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const data = randomBytes(200_000);
    const object = await upload(repo.id, owner, data);
    expect(await findRepoLfsObjects(repo.record.id, [object.oid])).toEqual(
      new Map([[object.oid, data.length]]),
    );

    const again = await batch(repo.id, owner.write, "upload", [object]);
    expect(again.response.headers.get("content-type")).toBe("application/vnd.git-lfs+json");
    expect(again.body).toEqual({ transfer: "basic", hash_algo: "sha256", objects: [object] });

    const download = await batch(repo.id, undefined, "download", [object]);
    const href = download.body.objects[0]!.actions!.download!.href;
    const file = await hf("GET", href, { headers: { Range: "bytes=10-19" } });
    expect(file.status).toBe(206);
    expect(Buffer.from(await file.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);
  });

  it("refuses a body that does not match the oid, and keeps nothing of it", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const data = randomBytes(5000);
    const object = { oid: sha256(data), size: data.length };
    const { body } = await batch(repo.id, owner.write, "upload", [object]);
    const wrong = Buffer.from(data);
    wrong[0]! ^= 1;
    const put = await hf("PUT", body.objects[0]!.actions!.upload!.href, {
      body: new Uint8Array(wrong),
    });
    expect(put.status).toBe(400);
    expect(await getBlobStore().stat(object.oid)).toBeNull();
    const short = await hf("PUT", body.objects[0]!.actions!.upload!.href, {
      body: new Uint8Array(data.subarray(1)),
    });
    expect(short.status).toBe(400);
    expect((await findRepoLfsObjects(repo.record.id, [object.oid])).size).toBe(0);
    // The write failed after the point a row used to be written first: no row names the object.
    expect(await findLfsObjects([object.oid])).toEqual(new Set());
    const verify = await hf("POST", body.objects[0]!.actions!.verify!.href, { json: object });
    expect(verify.status).toBe(404);
  });

  it("never lets another repository claim or read content by its hash", async () => {
    const alice = await makeAccount();
    const mallory = await makeAccount();
    const secret = await makeHubRepo(alice, { isPrivate: true });
    const open = await makeHubRepo(mallory);
    const data = randomBytes(4096);
    const object = await upload(secret.id, alice, data);

    // Mallory knows the hash: she must upload the bytes herself, and cannot download or commit it.
    const claim = await batch(open.id, mallory.write, "upload", [object]);
    expect(claim.body.objects[0]!.actions?.upload?.href).toContain(`/objects/${object.oid}`);
    const read = await batch(open.id, mallory.write, "download", [object]);
    expect(read.body.objects[0]!.error).toEqual({
      code: 404,
      message: "Object does not exist in this repository.",
    });
    const commit = await hf("POST", `/api/models/${open.id}/commit/main`, {
      token: mallory.write,
      headers: { "Content-Type": "application/x-ndjson" },
      body: [
        JSON.stringify({ key: "header", value: { summary: "steal" } }),
        JSON.stringify({
          key: "lfsFile",
          value: { path: "stolen.bin", algo: "sha256", oid: object.oid, size: object.size },
        }),
      ].join("\n"),
    });
    expect(commit.status).toBe(400);
    expect(((await commit.json()) as { error: string }).error).toContain(
      "has not been uploaded to this repository",
    );
    // And the private repository's batch endpoint does not exist for her.
    expect((await batch(secret.id, mallory.write, "download", [object])).response.status).toBe(404);
  });

  it("asks anonymous callers to authenticate and refuses uploads with read-only tokens", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const object = { oid: "a".repeat(64), size: 1 };
    const anonymous = await batch(repo.id, undefined, "upload", [object]);
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.response.headers.get("lfs-authenticate")).toContain("Basic");
    const reader = await batch(repo.id, owner.read, "upload", [object]);
    expect(reader.response.status).toBe(403);
    expect(reader.body.message).toContain("read-only");
    const bad = await batch(repo.id, owner.write, "upload", [{ oid: "../../x", size: 1 }]);
    expect(bad.body.objects[0]!.error?.code).toBe(422);
  });

  it("stops links when the token is revoked, the link expires or it is tampered with", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const data = randomBytes(1000);
    const object = { oid: sha256(data), size: data.length };
    const { body } = await batch(repo.id, owner.write, "upload", [object]);
    const href = body.objects[0]!.actions!.upload!.href;
    const tampered = href.replace(
      /token=([^.]+)\./,
      (_m, b: string) => `token=${b.slice(0, -2)}AA.`,
    );
    expect((await hf("PUT", tampered, { body: new Uint8Array(data) })).status).toBe(403);
    const expired = encodeGrant({
      op: "upload",
      repoId: repo.record.id,
      oid: object.oid,
      size: object.size,
      userId: owner.id,
      tokenId: 0,
      expiresAt: 1,
    });
    const expiredHref = href.replace(/token=.*$/, `token=${expired}`);
    expect((await hf("PUT", expiredHref, { body: new Uint8Array(data) })).status).toBe(403);
    const { tokenId } = decodeGrant(new URL(href).searchParams.get("token")!);
    await revokeAccessToken(owner.id, tokenId);
    const revoked = await hf("PUT", href, { body: new Uint8Array(data) });
    expect(revoked.status).toBe(401);
    expect(await getBlobStore().stat(object.oid)).toBeNull();
  });

  it("links LFS content of site commits at tracked paths, but not pointer-shaped text", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const weights = randomBytes(1000);
    // Content another repository owns (in the shared store), and a text file that points at it.
    const secret = randomBytes(64);
    const foreign = (await getBlobStore().write(Readable.from([secret]))).sha256;
    const pointerText = `version https://git-lfs.github.com/spec/v1\noid sha256:${foreign}\nsize ${secret.length}\n`;
    const result = await commitChanges({
      repo: refOf(repo.record),
      branch: "main",
      message: "Upload",
      author: commitIdentity(sessionCaller(owner)),
      operations: [
        { kind: "file", path: "model.safetensors", source: { content: weights } },
        { kind: "file", path: "notes.txt", source: { content: pointerText } },
      ],
    });
    expect(result.files.find((f) => f.path === "notes.txt")?.lfs).toBeNull();
    const linked = await findRepoLfsObjects(repo.record.id, [sha256(weights), foreign]);
    expect([...linked.keys()]).toEqual([sha256(weights)]);
    // The hub reads that text as an LFS pointer; the foreign content is still not served.
    const notes = await hf("GET", `/${repo.id}/resolve/main/notes.txt`);
    expect(notes.status).toBe(404);
    expect(Buffer.from(await notes.arrayBuffer()).includes(secret)).toBe(false);
    const model = await hf("GET", `/${repo.id}/resolve/main/model.safetensors`);
    expect(Buffer.from(await model.arrayBuffer()).equals(weights)).toBe(true);
  });

  it("does not link what a pushed commit points at when the site moves a branch to it", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const ref = refOf(repo.record);
    const secret = randomBytes(64);
    const foreign = (await getBlobStore().write(Readable.from([secret]))).sha256;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-link-"));
    try {
      const env = {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_AUTHOR_NAME: "M",
        GIT_AUTHOR_EMAIL: "m@x",
        GIT_COMMITTER_NAME: "M",
        GIT_COMMITTER_EMAIL: "m@x",
      };
      const git = (...args: string[]) =>
        execFileSync("git", args, { cwd: work, env }).toString().trim();
      git("clone", "-q", repoGitDir(ref), ".");
      // A pointer at a tracked path, pushed without uploading anything.
      fs.writeFileSync(
        path.join(work, "w.bin"),
        `version https://git-lfs.github.com/spec/v1\noid sha256:${foreign}\nsize ${secret.length}\n`,
      );
      git("add", "w.bin");
      git("commit", "-qm", "pointer");
      git("push", "-q", "origin", "HEAD:refs/heads/evil");
      const before = git("rev-parse", "origin/main");
      const after = git("rev-parse", "HEAD");
      await createBranch(ref, { branch: "main", from: "evil", overwrite: true });
      expect(before).not.toBe(after);
      expect((await findRepoLfsObjects(repo.record.id, [foreign])).size).toBe(0);
      const file = await hf("GET", `/${repo.id}/resolve/main/w.bin`);
      expect(file.status).toBe(404);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});

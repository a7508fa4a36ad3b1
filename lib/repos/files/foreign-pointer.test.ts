import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";

import { GET as resolveRoute } from "@/app/[section]/[owner]/[name]/resolve/[rev]/[...path]/route";
import { linkRepoLfsObjects } from "@/db/queries/repo-lfs-objects";
import { commitChanges, openFile, readFileBytes, repoGitDir, type RepoRef } from "@/lib/hub";
import { getBlobStore } from "@/lib/storage/blob-store";
import { sessionCaller } from "@/test/factories";
import { hf, makeAccount, makeHubRepo } from "@/test/hf";

import { refOf } from "../access";
import { commitIdentity } from "../identity";
import { searchRepos } from "../search";

// Pages read the visitor from the session; here the visitor is anonymous.
vi.mock("@/lib/auth/page-caller", () => ({ pageCaller: () => Promise.resolve(null) }));
const { loadRepoCard } = await import("../view/repo-view");
const { loadBlob } = await import("../view/file-views");

const secretCard =
  "---\nlicense: other\ntags: [alice-secret-tag]\n---\n# Alice's private notes\n\nThe launch code is 7-4-1.\n";

const pointerTo = (oid: string, size: number) =>
  `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;

/** Alice's private repository owns an object; Bob commits pointers to it into his public repository. */
async function setup(commitWith: "site" | "git") {
  const alice = await makeAccount();
  const bob = await makeAccount();
  const secretRepo = await makeHubRepo(alice, { isPrivate: true });
  const stored = await getBlobStore().write(Readable.from([Buffer.from(secretCard)]));
  await linkRepoLfsObjects(secretRepo.record.id, [{ sha256: stored.sha256, size: stored.size }]);
  await commitChanges({
    repo: refOf(secretRepo.record),
    branch: "main",
    message: "notes",
    author: commitIdentity(sessionCaller(alice)),
    operations: [
      {
        kind: "file",
        path: "notes.md",
        source: { content: pointerTo(stored.sha256, stored.size) },
      },
    ],
  });

  const leak = await makeHubRepo(bob);
  const ref = refOf(leak.record);
  const pointer = pointerTo(stored.sha256, stored.size);
  if (commitWith === "site") {
    await commitChanges({
      repo: ref,
      branch: "main",
      message: "pointers",
      author: commitIdentity(sessionCaller(bob)),
      operations: [
        { kind: "file", path: "README.md", source: { content: pointer } },
        { kind: "file", path: "leak.txt", source: { content: pointer } },
      ],
    });
  } else {
    pushPointers(ref, pointer);
  }
  return { alice, bob, secretRepo, leak, ref, stored };
}

/** `git push` of pointer files with nothing uploaded, as `GIT_LFS_SKIP_PUSH=1` would. */
function pushPointers(ref: RepoRef, pointer: string) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-pointer-"));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=B", "-c", "user.email=b@x", ...args], { cwd: work, env });
  try {
    git("clone", "-q", repoGitDir(ref), ".");
    fs.writeFileSync(path.join(work, "README.md"), pointer);
    fs.writeFileSync(path.join(work, "leak.txt"), pointer);
    git("add", ".");
    git("commit", "-qm", "pointers");
    git("push", "-q", "origin", "HEAD:main");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const resolveWeb = (ref: RepoRef, file: string) =>
  resolveRoute(new Request(`http://test/models/${ref.owner}/${ref.name}/resolve/main/${file}`), {
    params: Promise.resolve({
      section: "models",
      owner: ref.owner,
      name: ref.name,
      rev: "main",
      path: [file],
    }),
  });

describe.each(["site", "git"] as const)(
  "a pointer to another repository's LFS object, committed through %s",
  (via) => {
    it("is never turned into that object's bytes, on any path", async () => {
      const { leak, ref, secretRepo, alice } = await setup(via);

      // Web resolve and raw download.
      const web = await resolveWeb(ref, "leak.txt");
      expect(web.status).toBe(404);
      expect(await web.text()).not.toContain("launch code");

      // The HF API's resolve.
      const api = await hf("GET", `/${leak.id}/resolve/main/leak.txt`);
      expect(api.status).toBe(404);

      // The engine itself: opening refuses, reading shows the pointer's own text.
      await expect(openFile(ref, { rev: "main", path: "leak.txt" })).rejects.toMatchObject({
        reason: "lfs_not_served",
      });
      const read = await readFileBytes(ref, { rev: "main", path: "leak.txt", maxBytes: 1 << 20 });
      expect(read.lfsWithheld).toBe(true);
      expect(read.data.toString()).toMatch(/^version https:\/\/git-lfs/);

      // The file view and the model card show the pointer, not the content.
      const blob = await loadBlob({ ...ref, rev: "main", path: "leak.txt" });
      expect(JSON.stringify(blob?.display)).not.toContain("launch code");
      const card = await loadRepoCard(ref.type, ref.owner, ref.name, "main");
      expect(card.body ?? "").not.toContain("launch code");
      expect(JSON.stringify(card.metadata)).not.toContain("alice-secret-tag");

      // The HF model info's card data and the search index learn nothing from it.
      const info = (await (await hf("GET", `/api/models/${leak.id}`)).json()) as {
        cardData?: unknown;
      };
      expect(JSON.stringify(info)).not.toContain("alice-secret-tag");
      expect(
        (await searchRepos(null, { type: "model", q: "launch" })).items.map((r) => r.name),
      ).not.toContain(ref.name);

      // git-lfs: a download of the object through Bob's repository is refused.
      const batch = await hf("POST", `/${leak.id}.git/info/lfs/objects/batch`, {
        headers: {
          Accept: "application/vnd.git-lfs+json",
          "Content-Type": "application/vnd.git-lfs+json",
        },
        json: {
          operation: "download",
          objects: [{ oid: read.entry.lfs!.oid, size: read.entry.lfs!.size }],
        },
      });
      const objects = (
        (await batch.json()) as { objects: { error?: { code: number }; actions?: unknown }[] }
      ).objects;
      expect(objects[0]).toMatchObject({ error: { code: 404 } });

      // Alice's own repository, which owns the object, still serves it to her.
      const own = await readFileBytes(refOf(secretRepo.record), {
        rev: "main",
        path: "notes.md",
        maxBytes: 1 << 20,
      });
      expect(own.lfsWithheld).toBeUndefined();
      expect(own.data.toString()).toContain("launch code");
      const ownApi = await hf("GET", `/${secretRepo.id}/resolve/main/notes.md`, {
        token: alice.write,
      });
      expect(await ownApi.text()).toContain("launch code");
    });
  },
);

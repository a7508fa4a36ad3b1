import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { listAccessTokens, revokeAccessToken } from "@/lib/auth/access-tokens";
import { contentLengthPassthrough } from "@/lib/http/content-length";
import { hf, makeAccount, makeHubRepo } from "@/test/hf";

const ndjson = (...lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join("\n");
const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");

async function commit(repoId: string, token: string, ...lines: unknown[]) {
  return hf("POST", `/api/models/${repoId}/commit/main`, {
    token,
    headers: { "Content-Type": "application/x-ndjson" },
    body: ndjson(...lines),
  });
}

describe("HF API: repositories", () => {
  it("creates, renames and deletes repositories the way both clients call it", async () => {
    const owner = await makeAccount();
    const created = await hf("POST", "/api/repos/create", {
      token: owner.write,
      json: { name: "data-one", organization: owner.name, type: "dataset", private: true },
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({
      url: `http://localhost:3000/hf/datasets/${owner.name}/data-one`,
      name: `${owner.name}/data-one`,
    });
    const again = await hf("POST", "/api/repos/create", {
      token: owner.write,
      json: { name: "data-one", type: "dataset" },
    });
    expect(again.status).toBe(409);
    // Python's create_repo(exist_ok=True) reads the URL from the conflict's body.
    expect(await again.json()).toMatchObject({
      error: expect.any(String),
      url: `http://localhost:3000/hf/datasets/${owner.name}/data-one`,
    });
    // A bad file path is refused before the repository exists, so nothing is left behind.
    const badFiles = await hf("POST", "/api/repos/create", {
      token: owner.write,
      json: { name: "with-files", type: "model", files: [{ path: "../escape", content: "eA==" }] },
    });
    expect(badFiles.status).toBe(400);
    expect(
      (await hf("GET", `/api/models/${owner.name}/with-files`, { token: owner.write })).status,
    ).toBe(404);
    // Private: invisible to anonymous callers, with the code Python maps to RepositoryNotFoundError.
    const hidden = await hf("GET", `/api/datasets/${owner.name}/data-one`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("x-error-code")).toBe("RepoNotFound");
    const moved = await hf("POST", "/api/repos/move", {
      token: owner.write,
      json: {
        fromRepo: `${owner.name}/data-one`,
        toRepo: `${owner.name}/data-two`,
        type: "dataset",
      },
    });
    expect(await moved.json()).toEqual({
      url: `http://localhost:3000/hf/datasets/${owner.name}/data-two`,
    });
    const reader = await hf("DELETE", "/api/repos/delete", {
      token: owner.read,
      json: { name: "data-two", organization: owner.name, type: "dataset" },
    });
    expect(reader.status).toBe(403);
    const deleted = await hf("DELETE", "/api/repos/delete", {
      token: owner.write,
      json: { name: "data-two", organization: owner.name, type: "dataset" },
    });
    expect(deleted.status).toBe(200);
    expect(
      (await hf("GET", `/api/datasets/${owner.name}/data-two`, { token: owner.write })).status,
    ).toBe(404);
  });

  it("answers whoami-v2 with auth details, and 401 once the token is revoked", async () => {
    const owner = await makeAccount();
    const me = (await (await hf("GET", "/api/whoami-v2", { token: owner.read })).json()) as Record<
      string,
      unknown
    >;
    expect(me).toMatchObject({
      name: owner.name,
      type: "user",
      auth: { type: "access_token", accessToken: { role: "read", displayName: "r" } },
    });
    const token = (await listAccessTokens(owner.id)).find((t) => t.name === "r")!;
    await revokeAccessToken(owner.id, token.id);
    const revoked = await hf("GET", "/api/whoami-v2", { token: owner.read });
    expect(revoked.status).toBe(401);
    expect((await hf("GET", "/api/whoami-v2")).status).toBe(401);
  });

  it("reports repo info at HEAD, branches and tags, and RevisionNotFound", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const info = (await (
      await hf(
        "GET",
        `/api/models/${repo.id}/revision/HEAD?expand=sha&expand=siblings&expand=cardData`,
      )
    ).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      id: repo.id,
      private: false,
      siblings: [{ rfilename: ".gitattributes" }, { rfilename: "README.md" }],
    });
    expect(info.sha).toMatch(/^[0-9a-f]{40}$/);
    const narrow = (await (
      await hf("GET", `/api/models/${repo.id}/revision/main?expand=likes`)
    ).json()) as Record<string, unknown>;
    expect(narrow.siblings).toBeUndefined();
    expect(narrow.sha).toBe(info.sha);

    expect(
      (await hf("POST", `/api/models/${repo.id}/branch/dev`, { token: owner.write, json: {} }))
        .status,
    ).toBe(200);
    expect(
      (
        await hf("POST", `/api/models/${repo.id}/tag/main`, {
          token: owner.write,
          json: { tag: "v1.0" },
        })
      ).status,
    ).toBe(200);
    const refs = await (await hf("GET", `/api/models/${repo.id}/refs`)).json();
    expect(refs).toEqual({
      branches: [
        { name: "dev", ref: "refs/heads/dev", targetCommit: info.sha },
        { name: "main", ref: "refs/heads/main", targetCommit: info.sha },
      ],
      converts: [],
      tags: [{ name: "v1.0", ref: "refs/tags/v1.0", targetCommit: info.sha }],
      pullRequests: [],
    });
    const missing = await hf("GET", `/api/models/${repo.id}/revision/nope`);
    expect(missing.headers.get("x-error-code")).toBe("RevisionNotFound");
    expect(
      (await hf("POST", `/api/models/${repo.id}/branch/x`, { token: owner.read, json: {} })).status,
    ).toBe(403);
    expect(
      (await hf("DELETE", `/api/models/${repo.id}/branch/dev`, { token: owner.write })).status,
    ).toBe(200);
    expect(
      (await hf("DELETE", `/api/models/${repo.id}/tag/v1.0`, { token: owner.write })).status,
    ).toBe(200);
  });
});

describe("HF API: commits, files and history", () => {
  it("commits NDJSON lines, lists the tree with pagination, and refuses a stale parent", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const preupload = await hf("POST", `/api/models/${repo.id}/preupload/main`, {
      token: owner.write,
      json: {
        files: [
          { path: "a.txt", size: 3, sample: b64("abc") },
          { path: "w.bin", size: 5, sample: "" },
          { path: "big.dat", size: 20_000_000, sample: "" },
        ],
      },
    });
    expect(((await preupload.json()) as { files: unknown[] }).files).toEqual([
      { path: "a.txt", uploadMode: "regular", shouldIgnore: false },
      { path: "w.bin", uploadMode: "lfs", shouldIgnore: false },
      { path: "big.dat", uploadMode: "lfs", shouldIgnore: false },
    ]);
    const files = Array.from({ length: 12 }, (_, i) => ({
      key: "file",
      value: { path: `dir/f${i}.txt`, content: b64(`file ${i}`), encoding: "base64" },
    }));
    const first = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "Add files", description: "Twelve." } },
      ...files,
    );
    expect(first.status).toBe(200);
    const { commitOid, commitUrl } = (await first.json()) as {
      commitOid: string;
      commitUrl: string;
    };
    expect(commitUrl).toBe(`http://localhost:3000/hf/${repo.id}/commit/${commitOid}`);

    const second = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "Tidy", parentCommit: commitOid } },
      { key: "deletedFile", value: { path: "dir/f0.txt" } },
      { key: "file", value: { path: "top.txt", content: "plain", encoding: "utf-8" } },
    );
    expect(second.status).toBe(200);
    const stale = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "Late", parentCommit: commitOid } },
      { key: "deletedFolder", value: { path: "dir/" } },
    );
    expect(stale.status).toBe(409);

    // Pages of 5 over 11 files in dir/.
    const paths: string[] = [];
    let url: string | undefined = `/api/models/${repo.id}/tree/main/dir?limit=5`;
    let pages = 0;
    while (url) {
      const page = await hf("GET", url);
      paths.push(...((await page.json()) as { path: string }[]).map((e) => e.path));
      url = /<([^>]+)>; rel="next"/.exec(page.headers.get("link") ?? "")?.[1];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(paths).toHaveLength(11);
    expect(paths).not.toContain("dir/f0.txt");

    const expanded = (await (
      await hf("GET", `/api/models/${repo.id}/tree/main?expand=true`)
    ).json()) as { path: string; lastCommit?: { title: string } }[];
    expect(expanded.find((e) => e.path === "top.txt")?.lastCommit?.title).toBe("Tidy");

    const history = await hf("GET", `/api/models/${repo.id}/commits/main?limit=2`);
    expect(history.headers.get("x-total-count")).toBe("3");
    const commits = (await history.json()) as { title: string; authors: { user: string }[] }[];
    expect(commits.map((c) => c.title)).toEqual(["Tidy", "Add files"]);
    expect(commits[0]!.authors).toEqual([{ user: owner.name }]);
    expect(history.headers.get("link")).toContain('rel="next"');
  });

  it("refuses malformed commits and leaves the branch where it was", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const before = ((await (await hf("GET", `/api/models/${repo.id}`)).json()) as { sha: string })
      .sha;
    const noHeader = await commit(repo.id, owner.write, {
      key: "file",
      value: { path: "a", content: b64("a") },
    });
    expect(noHeader.status).toBe(400);
    const unknown = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "x" } },
      { key: "rename", value: {} },
    );
    expect(unknown.status).toBe(400);
    const traversal = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "x" } },
      { key: "file", value: { path: "../x", content: b64("a") } },
    );
    expect(traversal.status).toBe(400);
    const reader = await commit(
      repo.id,
      owner.read,
      { key: "header", value: { summary: "x" } },
      { key: "file", value: { path: "a", content: b64("a") } },
    );
    expect(reader.status).toBe(403);
    const pr = await hf("POST", `/api/models/${repo.id}/commit/main?create_pr=1`, {
      token: owner.write,
      body: ndjson({ key: "header", value: { summary: "x" } }),
    });
    expect(pr.status).toBe(400);
    const noBranch = await hf("POST", `/api/models/${repo.id}/commit/ghost`, {
      token: owner.write,
      body: ndjson({ key: "header", value: { summary: "x" } }),
    });
    expect(noBranch.headers.get("x-error-code")).toBe("RevisionNotFound");
    expect(
      ((await (await hf("GET", `/api/models/${repo.id}`)).json()) as { sha: string }).sha,
    ).toBe(before);
  });

  it("resolves files with the headers the clients read, ranges, HEAD and misses", async () => {
    const owner = await makeAccount();
    const repo = await makeHubRepo(owner);
    const content = randomBytes(3000);
    const done = await commit(
      repo.id,
      owner.write,
      { key: "header", value: { summary: "Add" } },
      { key: "file", value: { path: "sub dir/data.npy", content: b64(content) } },
      { key: "file", value: { path: "small.json", content: b64("{}") } },
    );
    const { commitOid } = (await done.json()) as { commitOid: string };

    // data.npy is LFS by the default .gitattributes: the sha256 is the ETag, and X-Linked-* are set.
    const probe = await hf("GET", `/${repo.id}/resolve/main/sub%20dir%2Fdata.npy`, {
      headers: { Range: "bytes=0-0" },
    });
    expect(probe.status).toBe(206);
    expect(probe.headers.get("content-range")).toBe("bytes 0-0/3000");
    expect(probe.headers.get("x-repo-commit")).toBe(commitOid);
    expect(probe.headers.get("x-linked-size")).toBe("3000");
    expect(probe.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(probe.headers.get("x-linked-etag")).toBe(probe.headers.get("etag"));
    const head = await hf("HEAD", `/${repo.id}/resolve/${commitOid}/small.json`);
    expect(head.status).toBe(200);
    expect(head.headers.get(contentLengthPassthrough)).toBe("2");
    expect(head.headers.get("etag")).toMatch(/^"[0-9a-f]{40}"$/);
    const full = await hf("GET", `/${repo.id}/resolve/main/sub%20dir/data.npy`);
    expect(Buffer.from(await full.arrayBuffer()).equals(content)).toBe(true);
    const raw = await hf("GET", `/${repo.id}/raw/main/sub%20dir/data.npy`);
    expect(await raw.text()).toContain("version https://git-lfs.github.com/spec/v1");

    const miss = await hf("HEAD", `/${repo.id}/resolve/main/nope.txt`);
    expect(miss.status).toBe(404);
    expect(miss.headers.get("x-error-code")).toBe("EntryNotFound");
    expect(miss.headers.get("x-repo-commit")).toBe(commitOid);
    expect(
      (await hf("GET", `/${repo.id}/resolve/nope/small.json`)).headers.get("x-error-code"),
    ).toBe("RevisionNotFound");
    expect(
      (await hf("GET", `/${owner.name}/missing/resolve/main/small.json`)).headers.get(
        "x-error-code",
      ),
    ).toBe("RepoNotFound");

    const form = await hf("POST", `/api/models/${repo.id}/paths-info/main`, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "paths=small.json&paths=sub+dir%2Fdata.npy&paths=ghost&expand=True",
    });
    const entries = (await form.json()) as {
      path: string;
      lfs?: unknown;
      lastCommit?: { id: string };
    }[];
    expect(entries.map((e) => e.path)).toEqual(["small.json", "sub dir/data.npy"]);
    expect(entries[1]!.lfs).toMatchObject({ size: 3000 });
    expect(entries[0]!.lastCommit?.id).toBe(commitOid);
  });

  it("lists repositories by search, author and card tags, newest first, with Link pagination", async () => {
    const owner = await makeAccount();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeHubRepo(owner));
    await commit(
      made[1]!.id,
      owner.write,
      { key: "header", value: { summary: "Tag" } },
      {
        key: "file",
        value: {
          path: "README.md",
          content: b64("---\nlicense: mit\ntags: [pytorch]\n---\n# x\n"),
        },
      },
    );
    const byTag = (await (
      await hf("GET", `/api/models?author=${owner.name}&filter=license:mit&filter=pytorch`)
    ).json()) as { id: string }[];
    expect(byTag.map((r) => r.id)).toEqual([made[1]!.id]);
    const first = await hf(
      "GET",
      `/api/models?author=${owner.name}&sort=createdAt&direction=-1&limit=2`,
    );
    const page1 = (await first.json()) as { id: string }[];
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1]!;
    expect(next.startsWith("http://localhost:3000/hf/api/models?")).toBe(true);
    const page2 = (await (await hf("GET", next)).json()) as { id: string }[];
    expect([...page1, ...page2].map((r) => r.id)).toEqual(made.map((r) => r.id).reverse());
    const hidden = await makeHubRepo(owner, { isPrivate: true });
    const anonymous = (await (await hf("GET", `/api/models?author=${owner.name}`)).json()) as {
      id: string;
    }[];
    expect(anonymous.map((r) => r.id)).not.toContain(hidden.id);
    const mine = (await (
      await hf("GET", `/api/models?author=${owner.name}`, { token: owner.read })
    ).json()) as { id: string }[];
    expect(mine.map((r) => r.id)).toContain(hidden.id);
  });
});

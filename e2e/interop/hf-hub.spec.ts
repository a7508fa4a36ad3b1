// Interop: the real @huggingface/hub package, unmodified, against the server's HF-compatible API
// (hubUrl = <server>/hf): accounts and repos, uploads through LFS, listings, downloads, pagination.
import {
  createRepo,
  deleteFile,
  downloadFile,
  fileDownloadInfo,
  listFiles,
  listModels,
  modelInfo,
  uploadFile,
  uploadFiles,
  whoAmI,
} from "@huggingface/hub";
import { expect, test } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";

import { createToken, createUser, uniqueName } from "../support/cli";

const baseURL = (process.env.STRATA_E2E_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const hubUrl = `${baseURL}/hf`;

test.describe.configure({ mode: "serial" });

test.describe("@huggingface/hub against /hf", () => {
  let user: string;
  let accessToken: string;
  let readToken: string;
  let repo: string;
  const small = Buffer.from(`small file ${randomBytes(4).toString("hex")}\n`);
  const large = randomBytes(12 * 1024 * 1024);
  let commitOid: string;

  test.beforeAll(async () => {
    user = (await createUser({ prefix: "hf" })).username;
    accessToken = await createToken(user, "write");
    readToken = await createToken(user, "read");
    repo = `${user}/${uniqueName("model")}`;
  });

  test("whoAmI names the token's user and scope", async () => {
    const me = await whoAmI({ hubUrl, accessToken });
    expect(me.name).toBe(user);
    expect(me.type).toBe("user");
    expect(me.auth.accessToken?.role).toBe("write");
    expect(me.auth.accessToken?.createdAt).toBeInstanceOf(Date);
  });

  test("createRepo creates a model and returns its URL", async () => {
    const created = await createRepo({ hubUrl, accessToken, repo });
    expect(created.repoUrl).toBe(`${hubUrl}/${repo}`);
    await expect(createRepo({ hubUrl, accessToken, repo })).rejects.toMatchObject({
      statusCode: 409,
    });
  });

  test("uploadFiles commits a small file inline and a 12 MB file through LFS", async () => {
    const result = await uploadFiles({
      hubUrl,
      accessToken,
      repo,
      commitTitle: "Add weights",
      files: [
        { path: "notes/small.txt", content: new Blob([small]) },
        { path: "weights/model.bin", content: new Blob([large]) },
      ],
    });
    expect(result?.commit.oid).toMatch(/^[0-9a-f]{40}$/);
    commitOid = result!.commit.oid;
  });

  test("listFiles shows both files, the large one as LFS with its sha256", async () => {
    const files = [];
    for await (const file of listFiles({ hubUrl, accessToken, repo, recursive: true }))
      files.push(file);
    const byPath = new Map(files.map((f) => [f.path, f]));
    expect([...byPath.keys()]).toEqual(
      expect.arrayContaining([
        ".gitattributes",
        "README.md",
        "notes",
        "notes/small.txt",
        "weights",
        "weights/model.bin",
      ]),
    );
    expect(byPath.get("notes/small.txt")).toMatchObject({ type: "file", size: small.length });
    expect(byPath.get("notes/small.txt")?.lfs).toBeUndefined();
    expect(byPath.get("weights/model.bin")).toMatchObject({
      type: "file",
      size: large.length,
      lfs: { oid: createHash("sha256").update(large).digest("hex"), size: large.length },
    });
    expect(byPath.get("weights")?.type).toBe("directory");
  });

  test("downloadFile returns the same bytes, for the owner and anonymously", async () => {
    const blob = await downloadFile({ hubUrl, accessToken, repo, path: "weights/model.bin" });
    expect(Buffer.from(await blob!.arrayBuffer()).equals(large)).toBe(true);
    const anonymous = await downloadFile({ hubUrl, repo, path: "notes/small.txt" });
    expect(Buffer.from(await anonymous!.arrayBuffer()).equals(small)).toBe(true);
    // A byte range of the LFS file, as WebBlob slices it.
    const slice = await blob!.slice(1000, 1100).arrayBuffer();
    expect(Buffer.from(slice).equals(large.subarray(1000, 1100))).toBe(true);
  });

  test("modelInfo at HEAD has the commit sha and the files", async () => {
    const info = await modelInfo({
      hubUrl,
      accessToken,
      name: repo,
      additionalFields: ["sha", "tags", "filePaths"],
    });
    expect(info.name).toBe(repo);
    expect(info.sha).toBe(commitOid);
    expect(info.private).toBe(false);
    expect(info.filePaths).toEqual(
      expect.arrayContaining(["notes/small.txt", "weights/model.bin", "README.md"]),
    );
    expect(info.updatedAt.getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  test("listModels searches and follows Link pagination", async () => {
    const prefix = uniqueName("page");
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push(`${user}/${prefix}-${i}`);
      await createRepo({ hubUrl, accessToken, repo: names[i]! });
    }
    // The client asks for pages of `limit`; a fetch that asks for pages of 2 forces 3 requests.
    const requested: string[] = [];
    const pagedFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      url.searchParams.set("limit", "2");
      requested.push(url.toString());
      return fetch(url, init);
    };
    const found = [];
    for await (const model of listModels({
      hubUrl,
      search: { query: prefix },
      sort: "createdAt",
      limit: 10,
      fetch: pagedFetch,
    })) {
      found.push(model.name);
    }
    expect(found).toEqual([...names].reverse());
    expect(requested).toHaveLength(3);
    expect(new URL(requested[1]!).searchParams.get("cursor")).toBeTruthy();
    // The client stops at its own limit.
    const firstTwo = [];
    for await (const model of listModels({
      hubUrl,
      search: { query: prefix, owner: user },
      limit: 2,
    }))
      firstTwo.push(model.name);
    expect(firstTwo).toHaveLength(2);
  });

  test("deleteFile removes a file", async () => {
    await deleteFile({ hubUrl, accessToken, repo, path: "notes/small.txt" });
    expect(await fileDownloadInfo({ hubUrl, repo, path: "notes/small.txt" })).toBeNull();
    const paths = [];
    for await (const file of listFiles({ hubUrl, repo, recursive: true })) paths.push(file.path);
    expect(paths).not.toContain("notes/small.txt");
    expect(paths).toContain("weights/model.bin");
  });

  test("an upload with a read-only token fails and changes nothing", async () => {
    const before = (await modelInfo({ hubUrl, name: repo, additionalFields: ["sha"] })).sha;
    await expect(
      uploadFile({
        hubUrl,
        accessToken: readToken,
        repo,
        file: { path: "blocked.txt", content: new Blob(["no"]) },
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      uploadFile({
        hubUrl,
        accessToken: readToken,
        repo,
        file: { path: "blocked.bin", content: new Blob([randomBytes(11_000_000)]) },
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect((await modelInfo({ hubUrl, name: repo, additionalFields: ["sha"] })).sha).toBe(before);
  });
});

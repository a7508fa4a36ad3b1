// Interop: the real Python `huggingface_hub`, unmodified, against the server's HF-compatible API
// (HF_ENDPOINT = <server>/hf): folder uploads through LFS with a model card (checked by
// /api/validate-yaml first), commits with deletions, downloads, repo info, search, private datasets
// and read-only tokens. The Python side is e2e/interop/hf_python_client.py, one call per process, in
// the venv `npm test` makes (.test-tools/python, see scripts/lib/deps.mjs).
import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { createToken, createUser, uniqueName } from "../support/cli";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const python = path.join(root, ".test-tools", "python", "bin", "python");
const script = path.join(import.meta.dirname, "hf_python_client.py");
const baseURL = (process.env.STRATA_E2E_URL ?? "http://localhost:3000").replace(/\/+$/, "");

type Sibling = {
  path: string;
  size: number | null;
  blob_id: string | null;
  lfs: { sha256: string; size: number } | null;
};
type Result = {
  error?: string;
  status?: number | null;
  message?: string;
  trace?: string;
  warnings: string[];
  oid?: string;
  path?: string;
  ids?: string[];
  sha?: string;
  private?: boolean;
  card_data?: Record<string, unknown> | null;
  siblings?: Sibling[];
  sdk?: string;
  files?: string[];
};

let work: string;

/** Runs one huggingface_hub operation in a fresh Python process and returns its JSON answer. */
async function py(operation: string, args: Record<string, unknown>): Promise<Result> {
  const { stdout } = await exec(python, [script, operation, JSON.stringify(args)], {
    cwd: work,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
    env: {
      ...process.env,
      // No token or cache of this machine's user: every call says which token it uses.
      HF_TOKEN: "",
      HOME: work,
      HF_HOME: path.join(work, "hf-home"),
      HF_ENDPOINT: `${baseURL}/hf`,
      // The server speaks LFS, not Xet; without this, hf_xet (installed with the client) is used.
      HF_HUB_DISABLE_XET: "1",
      HF_HUB_DISABLE_TELEMETRY: "1",
      HF_HUB_DISABLE_PROGRESS_BARS: "1",
    },
  });
  return JSON.parse(stdout) as Result;
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const gitBlobId = (data: Buffer) =>
  createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex");

test.describe.configure({ mode: "serial" });

test.describe("huggingface_hub (Python) against /hf", () => {
  test.setTimeout(180_000);

  let owner: string;
  let write: string;
  let read: string;
  let otherWrite: string;
  let repo: string;
  let commitOid: string;
  const tag = uniqueName("pyhub");
  const readme = Buffer.from(
    `---\nlicense: mit\ntags:\n  - ${tag}\n---\n# Python upload\n\nUploaded by huggingface_hub.\n`,
  );
  const config = Buffer.from(`{"hidden_size": ${randomBytes(1)[0]}}\n`);
  const weights = randomBytes(11 * 1024 * 1024);
  const notes = Buffer.from(`notes ${randomBytes(4).toString("hex")}\n`);
  /** What the repository should hold after the commits below (besides .gitattributes). */
  const expected = new Map<string, Buffer>();

  test.beforeAll(async () => {
    if (!fs.existsSync(python))
      throw new Error(`${python} is missing: \`npm test\` creates it (scripts/lib/deps.mjs).`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "strata-hf-python-"));
    owner = (await createUser({ prefix: "py" })).username;
    write = await createToken(owner, "write");
    read = await createToken(owner, "read");
    otherWrite = await createToken((await createUser({ prefix: "py" })).username, "write");
    repo = `${owner}/${tag}-model`;
  });

  test.afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("upload_folder commits a README (metadata checked) and an 11 MB file through LFS", async () => {
    const folder = path.join(work, "upload");
    fs.mkdirSync(path.join(folder, "weights"), { recursive: true });
    fs.writeFileSync(path.join(folder, "README.md"), readme);
    fs.writeFileSync(path.join(folder, "config.json"), config);
    fs.writeFileSync(path.join(folder, "weights", "model.bin"), weights);
    const result = await py("upload_folder", { token: write, repo_id: repo, folder });
    expect(result.error, result.trace ?? result.message).toBeUndefined();
    expect(result.oid).toMatch(/^[0-9a-f]{40}$/);
    expect(result.warnings).toEqual([]);
    expected.set("README.md", readme).set("config.json", config).set("weights/model.bin", weights);
  });

  test("a README whose front matter cannot be read is refused before anything is uploaded", async () => {
    const folder = path.join(work, "broken");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "README.md"), "---\nlicense: [mit\n---\n# Broken\n");
    const result = await py("upload_folder", { token: write, repo_id: repo, folder });
    expect(result.error, result.trace).toBe("ValueError");
    expect(result.message).toContain("Invalid metadata in README.md");
    expect(result.message).toContain("YAML front matter is invalid");
  });

  test("create_commit adds and deletes files in one commit", async () => {
    const result = await py("create_commit", {
      token: write,
      repo_id: repo,
      adds: { "notes/a.txt": notes.toString("base64") },
      deletes: ["config.json"],
    });
    expect(result.error, result.trace ?? result.message).toBeUndefined();
    expect(result.oid).toMatch(/^[0-9a-f]{40}$/);
    commitOid = result.oid!;
    expected.delete("config.json");
    expected.set("notes/a.txt", notes);
  });

  test("model_info with files_metadata has the commit, the card and sizes, LFS hashes, blob ids", async () => {
    const info = await py("info", { token: write, repo_id: repo, files_metadata: true });
    expect(info.error, info.trace ?? info.message).toBeUndefined();
    expect(info.sha).toBe(commitOid);
    expect(info.private).toBe(false);
    expect(info.card_data).toMatchObject({ license: "mit", tags: [tag] });
    const byPath = new Map(info.siblings!.map((s) => [s.path, s]));
    expect([...byPath.keys()].sort()).toEqual([".gitattributes", ...expected.keys()].sort());
    expect(byPath.get("weights/model.bin")).toMatchObject({
      size: weights.length,
      lfs: { sha256: sha256(weights), size: weights.length },
    });
    expect(byPath.get("notes/a.txt")).toMatchObject({
      size: notes.length,
      blob_id: gitBlobId(notes),
      lfs: null,
    });
  });

  test("hf_hub_download returns the same bytes, with a token and anonymously", async () => {
    const cache = path.join(work, "cache");
    const lfs = await py("hf_hub_download", {
      token: write,
      repo_id: repo,
      filename: "weights/model.bin",
      cache_dir: cache,
    });
    expect(lfs.error, lfs.trace ?? lfs.message).toBeUndefined();
    expect(fs.readFileSync(lfs.path!).equals(weights)).toBe(true);
    const anonymous = await py("hf_hub_download", {
      repo_id: repo,
      filename: "notes/a.txt",
      cache_dir: path.join(work, "cache-anonymous"),
    });
    expect(fs.readFileSync(anonymous.path!).equals(notes)).toBe(true);
    const deleted = await py("hf_hub_download", {
      repo_id: repo,
      filename: "config.json",
      cache_dir: path.join(work, "cache-anonymous"),
    });
    expect(deleted).toMatchObject({ error: "RemoteEntryNotFoundError", status: 404 });
  });

  test("snapshot_download writes every file, byte for byte", async () => {
    const localDir = path.join(work, "snapshot");
    const result = await py("snapshot_download", {
      token: write,
      repo_id: repo,
      local_dir: localDir,
    });
    expect(result.error, result.trace ?? result.message).toBeUndefined();
    for (const [file, bytes] of expected)
      expect(fs.readFileSync(path.join(localDir, file)).equals(bytes), file).toBe(true);
    expect(fs.existsSync(path.join(localDir, "config.json"))).toBe(false);
    expect(fs.existsSync(path.join(localDir, ".gitattributes"))).toBe(true);
  });

  test("create_repo(repo_type='space') with an SDK, upload_folder and space_info", async () => {
    const space = `${owner}/${tag}-space`;
    const folder = path.join(work, "space");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "app.py"), "import gradio as gr\n");
    const result = await py("space", {
      token: write,
      repo_id: space,
      sdk: "gradio",
      hardware: "npu-basic",
      folder,
    });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ id: space, sdk: "gradio", private: false });
    expect(result.card_data).toMatchObject({
      sdk: "gradio",
      hardware: "npu-basic",
      app_port: 7860,
    });
    expect(result.files).toEqual([".gitattributes", "README.md", "app.py", "requirements.txt"]);
  });

  test("list_models finds the repository by search", async () => {
    const result = await py("list_models", { search: tag });
    expect(result.ids).toEqual([repo]);
  });

  test("a private dataset is visible to its owner only", async () => {
    const dataset = `${owner}/${tag}-data`;
    const folder = path.join(work, "dataset");
    fs.mkdirSync(folder, { recursive: true });
    const rows = Buffer.from("id,text\n1,hello\n");
    fs.writeFileSync(path.join(folder, "train.csv"), rows);
    fs.writeFileSync(path.join(folder, "README.md"), "---\nlicense: cc-by-4.0\n---\n# Data\n");
    const uploaded = await py("upload_folder", {
      token: write,
      repo_id: dataset,
      repo_type: "dataset",
      private: true,
      folder,
    });
    expect(uploaded.error, uploaded.trace ?? uploaded.message).toBeUndefined();

    const mine = await py("info", { token: write, repo_id: dataset, repo_type: "dataset" });
    expect(mine).toMatchObject({ private: true });
    expect(mine.siblings!.map((s) => s.path)).toContain("train.csv");
    for (const token of [undefined, otherWrite]) {
      const info = await py("info", { token, repo_id: dataset, repo_type: "dataset" });
      expect(info).toMatchObject({ error: "RepositoryNotFoundError", status: 404 });
      const file = await py("hf_hub_download", {
        token,
        repo_id: dataset,
        repo_type: "dataset",
        filename: "train.csv",
        cache_dir: path.join(work, "cache-other"),
      });
      expect(file).toMatchObject({ error: "RepositoryNotFoundError", status: 404 });
      expect((await py("list_datasets", { token, search: tag })).ids).toEqual([]);
    }
    expect((await py("list_datasets", { token: write, search: tag })).ids).toEqual([dataset]);
    const own = await py("hf_hub_download", {
      token: write,
      repo_id: dataset,
      repo_type: "dataset",
      filename: "train.csv",
      cache_dir: path.join(work, "cache-owner"),
    });
    expect(fs.readFileSync(own.path!).equals(rows)).toBe(true);
  });

  test("a read token is refused for writes and still reads", async () => {
    const commit = await py("create_commit", {
      token: read,
      repo_id: repo,
      adds: { "nope.txt": Buffer.from("no").toString("base64") },
    });
    expect(commit).toMatchObject({ status: 403 });
    const created = await py("create_repo", { token: read, repo_id: `${owner}/${tag}-nope` });
    expect(created).toMatchObject({ status: 403 });
    const info = await py("info", { token: read, repo_id: repo });
    expect(info.sha).toBe(commitOid);
  });
});

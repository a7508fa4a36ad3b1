import { eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { insertMember } from "@/db/queries/orgs";
import type { UserSummary } from "@/db/queries/owners";
import { stagedUploads } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { listCommits, listTree, openFile, readFileBytes, resolveRevision } from "@/lib/hub";
import { getBlobStore } from "@/lib/storage/blob-store";
import { makeOrg, makeUser, sessionCaller, tokenCaller, uniqueName } from "@/test/factories";
import { blobTempFiles, bytes } from "@/test/hub";

import { createRepo } from "../create";
import { commitWebChanges } from "./commit";
import { discardUploads, stageUpload, type StagedUploadInfo } from "./stage";
import { sweepStagedUploads } from "./sweep";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** A request-like body delivered in small chunks, as a network would. */
function body(data: Buffer, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(new Uint8Array(data.subarray(offset, offset + chunk)));
      offset += chunk;
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function newModel(owner: UserSummary, options: { isPrivate?: boolean } = {}) {
  const name = uniqueName("m");
  await createRepo(sessionCaller(owner), { type: "model", owner: owner.name, name, ...options });
  const address = { type: "model" as const, owner: owner.name, name };
  const head = async () => (await resolveRevision(address, "main"))!.commit;
  return { address, head };
}

const stagedFiles = () => blobTempFiles().filter((name) => name.startsWith("web-upload-"));

/** The upload temp files created since `before` (tests in this file share one data dir). */
const newStagedFiles = (before: string[]) => stagedFiles().filter((name) => !before.includes(name));

describe("browser uploads", () => {
  it("stage files while hashing them and commit several as one commit, big ones through LFS", async () => {
    const filesBefore = stagedFiles();
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const big = bytes(15 * 1024 * 1024, 7);
    const config = Buffer.from('{"hidden_size": 64}\n');
    const weights = bytes(3000, 3);
    const caller = sessionCaller(alice);
    const staged: StagedUploadInfo[] = [];
    for (const data of [config, big, weights]) {
      const info = await stageUpload(caller, address, body(data), { contentLength: data.length });
      expect(info).toMatchObject({ size: data.length, sha256: sha256(data) });
      staged.push(info);
    }
    const before = await head();
    const result = await commitWebChanges(caller, address, {
      branch: "main",
      parentCommit: before,
      message: "Add weights",
      operations: [
        { kind: "upload", path: "config.json", uploadId: staged[0]!.id },
        { kind: "upload", path: "weights/big.bin", uploadId: staged[1]!.id },
        { kind: "upload", path: "weights/small.dat", uploadId: staged[2]!.id },
      ],
    });
    expect(result).toMatchObject({ branch: "main", changed: 3 });
    const history = await listCommits(address, { rev: "main" });
    expect(history.commits[0]).toMatchObject({
      id: result.commit,
      title: "Add weights",
      parents: [before],
    });

    const tree = await listTree(address, { rev: "main", path: "weights" });
    const bigEntry = tree.entries.find((e) => e.name === "big.bin")!;
    expect(bigEntry.lfs).toMatchObject({ oid: sha256(big), size: big.length });
    expect(tree.entries.find((e) => e.name === "small.dat")!.lfs).toBeUndefined();
    expect(
      (await readFileBytes(address, { rev: "main", path: "config.json", maxBytes: 1000 })).data,
    ).toEqual(config);
    const opened = await openFile(address, { rev: "main", path: "weights/big.bin" });
    const hash = createHash("sha256");
    for await (const chunk of opened.stream as AsyncIterable<Buffer>) hash.update(chunk);
    expect(hash.digest("hex")).toBe(sha256(big));

    // Committed uploads are used up: no row, no temp file, and the ids cannot be committed again.
    expect(
      getDb()
        .select()
        .from(stagedUploads)
        .all()
        .filter((r) => staged.some((s) => s.id === r.id)),
    ).toEqual([]);
    expect(newStagedFiles(filesBefore)).toEqual([]);
    const again = await rejection(
      commitWebChanges(caller, address, {
        branch: "main",
        operations: [{ kind: "upload", path: "x.json", uploadId: staged[0]!.id }],
      }),
    );
    expect(again.message).toMatch(/expired or was not found/);
  });

  it("check write access before reading a byte of the body", async () => {
    const filesBefore = stagedFiles();
    const alice = await makeUser();
    const stranger = await makeUser();
    const reader = await makeUser();
    const org = await makeOrg(alice);
    await insertMember(org.id, reader.id, "read");
    const name = uniqueName("m");
    await createRepo(sessionCaller(alice), { type: "model", owner: org.name, name });
    const address = { type: "model" as const, owner: org.name, name };
    const secret = await newModel(alice, { isPrivate: true });

    let pulled = 0;
    const watched = () =>
      new ReadableStream<Uint8Array>(
        { pull: (c) => void (pulled++, c.enqueue(new Uint8Array(10)), c.close()) },
        { highWaterMark: 0 },
      );
    expect((await rejection(stageUpload(sessionCaller(stranger), address, watched()))).code).toBe(
      "forbidden",
    );
    expect((await rejection(stageUpload(sessionCaller(reader), address, watched()))).code).toBe(
      "forbidden",
    );
    expect(
      (await rejection(stageUpload(tokenCaller(alice, "read"), address, watched()))).code,
    ).toBe("forbidden");
    expect(
      (await rejection(stageUpload(sessionCaller(stranger), secret.address, watched()))).code,
    ).toBe("not_found");
    expect(pulled).toBe(0);
    expect(newStagedFiles(filesBefore)).toEqual([]);
  });

  it("commit only the uploader's own files, for the repository they were uploaded to", async () => {
    const filesBefore = stagedFiles();
    const alice = await makeUser();
    const bob = await makeUser();
    const org = await makeOrg(alice);
    await insertMember(org.id, bob.id, "write");
    const name = uniqueName("m");
    await createRepo(sessionCaller(alice), { type: "model", owner: org.name, name });
    const shared = { type: "model" as const, owner: org.name, name };
    const other = await newModel(alice);

    const mine = await stageUpload(sessionCaller(alice), shared, body(Buffer.from("alice's")));
    const before = (await resolveRevision(shared, "main"))!.commit;
    const stolen = await rejection(
      commitWebChanges(sessionCaller(bob), shared, {
        branch: "main",
        operations: [{ kind: "upload", path: "a.txt", uploadId: mine.id }],
      }),
    );
    expect(stolen.message).toMatch(/upload the file again/);
    const elsewhere = await rejection(
      commitWebChanges(sessionCaller(alice), other.address, {
        branch: "main",
        operations: [{ kind: "upload", path: "a.txt", uploadId: mine.id }],
      }),
    );
    expect(elsewhere.code).toBe("bad_request");
    expect((await resolveRevision(shared, "main"))!.commit).toBe(before);
    // Bob cannot discard it either; Alice can.
    expect(await discardUploads(sessionCaller(bob), [mine.id])).toBe(0);
    expect(await discardUploads(sessionCaller(alice), [mine.id])).toBe(1);
    expect(newStagedFiles(filesBefore)).toEqual([]);
  });

  it("refuse a commit based on a stale parent, keeping the uploads for another try", async () => {
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const caller = sessionCaller(alice);
    const seen = await head();
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [{ kind: "content", path: "notes.md", content: "someone else\n" }],
    });
    const moved = await head();
    const upload = await stageUpload(caller, address, body(Buffer.from("mine\n")));
    const operations = [
      { kind: "upload" as const, path: "notes.md", uploadId: upload.id, replace: true },
    ];

    const conflict = await rejection(
      commitWebChanges(caller, address, { branch: "main", parentCommit: seen, operations }),
    );
    expect(conflict.code).toBe("conflict");
    expect(conflict.message).toMatch(/Someone changed "main".*nothing was committed/);
    expect(await head()).toBe(moved);
    expect(
      (
        await readFileBytes(address, { rev: "main", path: "notes.md", maxBytes: 100 })
      ).data.toString(),
    ).toBe("someone else\n");

    // Nothing was lost: the same upload commits on top of the latest version.
    await commitWebChanges(caller, address, { branch: "main", parentCommit: moved, operations });
    expect(
      (
        await readFileBytes(address, { rev: "main", path: "notes.md", maxBytes: 100 })
      ).data.toString(),
    ).toBe("mine\n");
  });

  it("refuse to overwrite a file that exists at the parent commit unless it is marked replace", async () => {
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const caller = sessionCaller(alice);
    const before = await head();
    const upload = await stageUpload(caller, address, body(Buffer.from("new\n")));

    const refused = await rejection(
      commitWebChanges(caller, address, {
        branch: "main",
        parentCommit: before,
        operations: [
          { kind: "content", path: "README.md", content: "# Replaced\n" },
          { kind: "upload", path: "fresh.txt", uploadId: upload.id },
        ],
      }),
    );
    expect(refused.code).toBe("conflict");
    expect(refused.reason).toBe("file_exists");
    expect(refused.message).toMatch(/"README.md" already exists/);
    expect(await head()).toBe(before);

    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [
        { kind: "content", path: "README.md", content: "# Replaced\n", replace: true },
        { kind: "upload", path: "fresh.txt", uploadId: upload.id },
      ],
    });
    expect(
      (
        await readFileBytes(address, { rev: "main", path: "README.md", maxBytes: 100 })
      ).data.toString(),
    ).toBe("# Replaced\n");
  });

  it("refuse a README whose YAML front matter cannot be read, naming the line", async () => {
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const before = await head();
    const refused = await rejection(
      commitWebChanges(sessionCaller(alice), address, {
        branch: "main",
        operations: [
          {
            kind: "content",
            path: "README.md",
            content: "---\nlicense: mit\ntags: [a\n---\n# Hi\n",
            replace: true,
          },
        ],
      }),
    );
    expect(refused.code).toBe("bad_request");
    expect(refused.reason).toBe("invalid_card");
    expect(refused.message).toMatch(/YAML front matter is invalid \(line \d+ of the README\)/);
    expect(await head()).toBe(before);
  });

  it("refuse bad paths and too many files with a clear message, changing nothing", async () => {
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const caller = sessionCaller(alice);
    const upload = await stageUpload(caller, address, body(Buffer.from("x")));
    const before = await head();
    const cases: [string, RegExp][] = [
      ["../escape.txt", /'\.\.' segment/],
      ["a/../../b", /'\.\.' segment/],
      ["/etc/passwd", /absolute/],
      [".git/config", /git reserves/],
      ["sub/.GIT/hooks/x", /git reserves/],
      ["win\\path.txt", /backslash/],
      ["nul\0byte", /NUL/],
      [`${"n".repeat(256)}.txt`, /longer than 255 bytes/],
      [`${"dir/".repeat(300)}f`, /longer than 1024 bytes/],
      ["", /empty/],
    ];
    for (const [path, message] of cases) {
      const error = await rejection(
        commitWebChanges(caller, address, {
          branch: "main",
          operations: [{ kind: "upload", path, uploadId: upload.id }],
        }),
      );
      expect(error.code, path).toBe("bad_request");
      expect(error.message, path).toMatch(message);
    }
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({
      kind: "content" as const,
      path: `f${i}.txt`,
      content: "x",
    }));
    const error = await rejection(
      commitWebChanges(caller, address, { branch: "main", operations: tooMany }),
    );
    expect(error.message).toMatch(/at most 1000 files/);
    expect(await head()).toBe(before);
    // The staged upload is still there for a corrected commit.
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [{ kind: "upload", path: "ok.txt", uploadId: upload.id }],
    });
  });

  it("edit, delete a file and delete a folder, one commit each", async () => {
    const alice = await makeUser();
    const { address, head } = await newModel(alice);
    const caller = sessionCaller(alice);
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [
        { kind: "content", path: "data/a.csv", content: "a\n" },
        { kind: "content", path: "data/b.csv", content: "b\n" },
        { kind: "content", path: "keep.txt", content: "k\n" },
      ],
    });
    const start = await head();
    await commitWebChanges(caller, address, {
      branch: "main",
      parentCommit: start,
      operations: [{ kind: "content", path: "README.md", content: "# New\n", replace: true }],
    });
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [{ kind: "deleteFile", path: "keep.txt" }],
    });
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [{ kind: "deleteFolder", path: "data/" }],
    });
    const titles = (await listCommits(address, { rev: "main", limit: 3 })).commits.map(
      (c) => c.title,
    );
    expect(titles).toEqual(["Delete data/", "Delete keep.txt", "Update README.md"]);
    const root = await listTree(address, { rev: "main" });
    expect(root.entries.map((e) => e.path).sort()).toEqual([".gitattributes", "README.md"]);
  });

  it("cut off oversized and truncated bodies, leaving no file behind", async () => {
    const filesBefore = stagedFiles();
    const alice = await makeUser();
    const { address } = await newModel(alice);
    const caller = sessionCaller(alice);
    expect(
      (await rejection(stageUpload(caller, address, body(bytes(5000)), { maxSize: 4096 }))).code,
    ).toBe("payload_too_large");
    expect(
      (await rejection(stageUpload(caller, address, body(bytes(10)), { contentLength: 10_000 })))
        .message,
    ).toMatch(/cut off/);
    expect(
      (
        await rejection(
          stageUpload(caller, address, body(bytes(10)), { contentLength: 1, maxSize: 0 }),
        )
      ).code,
    ).toBe("payload_too_large");
    // A client that goes away mid-upload.
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(1000));
        controller.error(new Error("connection reset"));
      },
    });
    await expect(stageUpload(caller, address, broken)).rejects.toThrow(/connection reset/);
    expect(newStagedFiles(filesBefore)).toEqual([]);
  });

  it("sweep expired uploads and files a crash left behind, keeping live ones", async () => {
    const alice = await makeUser();
    const { address } = await newModel(alice);
    const caller = sessionCaller(alice);
    const live = await stageUpload(caller, address, body(Buffer.from("live")));
    const old = await stageUpload(caller, address, body(Buffer.from("old")));
    getDb()
      .update(stagedUploads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(stagedUploads.id, old.id))
      .run();
    // A file with no row whose writer died an hour ago, and one still being written.
    const store = getBlobStore();
    const abandoned = store.tempPath("web-upload");
    const growing = store.tempPath("web-upload");
    fs.writeFileSync(abandoned, "partial");
    fs.writeFileSync(growing, "partial");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(abandoned, hourAgo, hourAgo);

    expect(await sweepStagedUploads()).toBe(2);
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.existsSync(growing)).toBe(true);
    const error = await rejection(
      commitWebChanges(caller, address, {
        branch: "main",
        operations: [{ kind: "upload", path: "o.txt", uploadId: old.id }],
      }),
    );
    expect(error.message).toMatch(/expired/);
    await commitWebChanges(caller, address, {
      branch: "main",
      operations: [{ kind: "upload", path: "l.txt", uploadId: live.id }],
    });
    fs.rmSync(growing);
  });
});

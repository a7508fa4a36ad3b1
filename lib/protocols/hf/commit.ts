import "server-only";

import fsp from "node:fs/promises";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { commitChanges, type CommitOperation } from "@/lib/hub";
import { maxCommitOperations } from "@/lib/hub/limits";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo } from "@/lib/repos/access";
import { commitIdentity } from "@/lib/repos/identity";
import { getBlobStore, isSha256 } from "@/lib/storage/blob-store";

import { writableBranch } from "./branch";
import { parseCommitLine, type CommitLine } from "./commit-lines";
import { readNdjson } from "./ndjson";
import { hfRepoUrl } from "./responses";

/** Inline (`file`) content is for small files: the clients send anything ≥ 10 MB through LFS. */
const maxCommitLineBytes = 16 * 1024 * 1024;

type Parsed = { header: Extract<CommitLine, { key: "header" }>; operations: CommitOperation[] };

/** Reads the NDJSON body line by line; inline files go straight to temp files (listed in `tempFiles`). */
async function readCommitBody(request: Request, tempFiles: string[]): Promise<Parsed> {
  if (!request.body) throw new AppError("bad_request", "The commit body is empty.");
  let header: Parsed["header"] | null = null;
  const operations: CommitOperation[] = [];
  const store = getBlobStore();
  // Node's web streams are async iterable.
  const body = request.body as unknown as AsyncIterable<Uint8Array>;
  for await (const { value, line } of readNdjson(body, { maxLineBytes: maxCommitLineBytes })) {
    const parsed = parseCommitLine(value, line);
    if (!header) {
      if (parsed.key !== "header")
        throw new AppError("bad_request", 'The first line of a commit must be its "header".');
      header = parsed;
      continue;
    }
    if (operations.length >= maxCommitOperations) {
      throw new AppError(
        "bad_request",
        `A commit can change at most ${maxCommitOperations} files; split it into several commits.`,
      );
    }
    switch (parsed.key) {
      case "header":
        throw new AppError("bad_request", `Line ${line}: a commit has one header.`);
      case "file": {
        const tempFile = store.tempPath("hf-commit");
        tempFiles.push(tempFile);
        await fsp.writeFile(tempFile, parsed.content, { flag: "wx" });
        operations.push({ kind: "file", path: parsed.path, source: { tempFile } });
        break;
      }
      case "lfsFile":
        if (!isSha256(parsed.oid))
          throw new AppError("bad_request", `"${parsed.path}": the LFS oid must be a sha256.`);
        operations.push({
          kind: "lfsFile",
          path: parsed.path,
          sha256: parsed.oid,
          size: parsed.size,
        });
        break;
      case "deletedFile":
        operations.push({ kind: "deleteFile", path: parsed.path });
        break;
      case "deletedFolder":
        operations.push({ kind: "deleteFolder", path: parsed.path });
        break;
    }
  }
  if (!header) throw new AppError("bad_request", "The commit body is empty.");
  return { header, operations };
}

/**
 * `POST /api/{type}s/{id}/commit/{rev}`: the NDJSON commit (`header`, then `file`, `lfsFile`,
 * `deletedFile`, `deletedFolder` lines), parsed as it streams. `parentCommit` makes a moved
 * branch a 409. Answers `{commitOid, commitUrl, hookOutput}` (Python requires the first two).
 */
export async function commitHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string,
) {
  const { ref } = await getRepo(caller, address, "write");
  const branch = await writableBranch(ref, rev, request);
  const tempFiles: string[] = [];
  try {
    const { header, operations } = await readCommitBody(request, tempFiles);
    const result = await commitChanges({
      repo: ref,
      branch,
      parentCommit: header.parentCommit,
      message: header.summary.trim() || "Upload files",
      description: header.description,
      author: commitIdentity(caller!),
      operations,
      source: "api",
    });
    return Response.json({
      success: true,
      commitOid: result.commit,
      commitUrl: `${hfRepoUrl(ref)}/commit/${result.commit}`,
      hookOutput: "",
    });
  } finally {
    await Promise.all(tempFiles.map((file) => fsp.rm(file, { force: true })));
  }
}

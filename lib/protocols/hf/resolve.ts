import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import { repoFileContentType, userContentHeaders } from "@/lib/http/content-type";
import { fileResponse } from "@/lib/http/file-response";
import { getPathInfo, openFile, repoGitDir, servesLfsObject, type TreeEntry } from "@/lib/hub";
import { openGitBlob } from "@/lib/hub/read/blob";
import type { RepoRef } from "@/lib/hub/types";
import { getRepo } from "@/lib/repos/access";
import { countDownload } from "@/lib/repos/engagement";
import { blobWebStream } from "@/lib/storage/blob-web-stream";

function missing(path: string, rev: string, commit: string): AppError {
  return new AppError("not_found", `"${path}" does not exist at revision "${rev}".`, {
    // Python caches the miss against the commit, so the commit comes along.
    headers: { "X-Error-Code": "EntryNotFound", "X-Repo-Commit": commit },
  });
}

/** A real download: not a HEAD, not the clients' `bytes=0-0` size probe, not a resumed tail. */
function isDownload(request: Request): boolean {
  if (request.method !== "GET") return false;
  const range = request.headers.get("range");
  return !range || (/^bytes=0-/.test(range.trim()) && range.trim() !== "bytes=0-0");
}

/**
 * `GET|HEAD /{prefix}{id}/resolve/{rev}/{path}`: the file's content, served directly (no
 * redirect), with the headers the clients read: `ETag` (the git blob id, or the sha256 of LFS
 * content, which is also `X-Linked-ETag`), `X-Repo-Commit`, `X-Linked-Size` for LFS files, exact
 * `Content-Length`, and `Content-Range` for ranges. `/raw/` serves the git blob itself (the LFS
 * pointer, for LFS files).
 */
export async function resolveHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  target: { rev: string; path: string; raw: boolean },
): Promise<Response> {
  const { repo, ref } = await getRepo(caller, address, "read");
  const { commit, entry } = await getPathInfo(ref, { rev: target.rev, path: target.path });
  if (!entry || entry.type !== "file" || entry.mode === "160000")
    throw missing(target.path, target.rev, commit);
  const lfs = target.raw ? undefined : entry.lfs;
  if (lfs && !(await servesLfsObject(repo.id, lfs))) {
    throw new AppError(
      "not_found",
      `The LFS content of "${entry.path}" has not been uploaded to this repository.`,
      {
        headers: { "X-Repo-Commit": commit },
      },
    );
  }
  const url = new URL(request.url);
  const headers: Record<string, string> = {
    ...userContentHeaders,
    "X-Repo-Commit": commit,
    // Files go out as stored: on-the-fly compression would drop Content-Length and encode ranges.
    "Cache-Control": "no-transform",
  };
  if (lfs) {
    headers["X-Linked-Size"] = String(lfs.size);
    headers["X-Linked-ETag"] = `"${lfs.oid}"`;
  }
  if (isDownload(request) && !target.raw) {
    await countDownload(repo, {
      ip: clientIp(request.headers),
      userAgent: request.headers.get("user-agent"),
      userId: caller?.id ?? null,
    });
  }
  const name = entry.path.split("/").pop()!;
  return fileResponse(request, {
    size: lfs ? lfs.size : target.raw && entry.lfs ? entry.lfs.pointerSize : entry.size,
    etag: lfs ? lfs.oid : entry.oid,
    contentType: repoFileContentType(entry.path, true),
    filename: url.searchParams.has("noContentDisposition") ? undefined : name,
    disposition: "attachment",
    headers,
    open: (range) => openContent(ref, commit, entry, lfs, range),
  });
}

async function openContent(
  ref: Parameters<typeof openFile>[0],
  commit: string,
  entry: TreeEntry,
  lfs: TreeEntry["lfs"],
  range?: { start: number; end: number },
) {
  if (lfs) return blobWebStream(lfs.oid, range);
  if (entry.lfs)
    return (await openGitBlob(repoGitDir(ref), entry.oid, range, entry.lfs.pointerSize)).stream;
  return (await openFile(ref, { rev: commit, path: entry.path, range })).stream;
}

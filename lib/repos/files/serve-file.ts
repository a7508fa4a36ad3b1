import "server-only";

import type { Readable } from "node:stream";

import type { Caller } from "@/lib/auth/caller";
import { clientIp } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";
import {
  repoFileContentType,
  staticAppContentType,
  staticAppHeaders,
  userContentHeaders,
} from "@/lib/http/content-type";
import { fileResponse } from "@/lib/http/file-response";
import {
  getPathInfo,
  looksBinary,
  openFile,
  servesLfsObject,
  type RepoRef,
  type TreeEntry,
} from "@/lib/hub";
import { entryNotFound, lfsNotServed } from "@/lib/hub/errors";
import { getBlobStore, type ByteRange } from "@/lib/storage/blob-store";
import { blobWebStream } from "@/lib/storage/blob-web-stream";

import { getRepo } from "../access";
import { countDownload } from "../engagement";
import { assertStaticSpace } from "../space-card";

async function firstBytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

type ContentTypeRule = (path: string, looksBinary: boolean) => string;

/** The Content-Type to serve: by extension when it is known, else by looking at the first bytes. */
async function contentTypeOf(
  ref: RepoRef,
  commit: string,
  entry: TreeEntry,
  typeOf: ContentTypeRule,
): Promise<string> {
  const asText = typeOf(entry.path, false);
  if (asText === typeOf(entry.path, true) || entry.size === 0) return asText;
  const head = await openFile(ref, {
    rev: commit,
    path: entry.path,
    range: { start: 0, end: Math.min(entry.size, 8000) - 1 },
  });
  return typeOf(entry.path, looksBinary(await firstBytes(head.stream)));
}

/** Pages embedding a file (an image in a card) do not count as downloads. */
function isEmbedded(request: Request): boolean {
  return ["image", "video", "audio"].includes(request.headers.get("sec-fetch-dest") ?? "");
}

/**
 * Serves a repository file for `/{type}s/{owner}/{name}/resolve/{rev}/{path}`: authorised on the
 * repository, streamed from git or (LFS) the blob store with ranges and validators, always inert
 * (user content never runs on our origin), and counted as a download once per client per day.
 */
export async function serveRepoFile(
  request: Request,
  caller: Caller | null,
  input: RepoRef & { rev: string; path: string },
  /** `app`: a static Space's own page, run in its sandbox and not counted as a download. */
  as: "file" | "app" = "file",
): Promise<Response> {
  const { repo, ref } = await getRepo(caller, input, "read");
  if (as === "app") await assertStaticSpace(ref, input.rev);
  const { commit, entry } = await getPathInfo(ref, { rev: input.rev, path: input.path });
  if (!entry || entry.type !== "file" || entry.mode === "160000")
    throw entryNotFound(input.path, input.rev);
  if (entry.lfs && !(await servesLfsObject(repo.id, entry.lfs))) throw lfsNotServed(entry.path);
  if (entry.lfs && !(await getBlobStore().stat(entry.lfs.oid))) {
    throw new AppError("not_found", `The LFS content of "${entry.path}" has not been uploaded.`);
  }
  const download = new URL(request.url).searchParams.get("download");
  const response = await fileResponse(request, {
    size: entry.size,
    etag: entry.lfs?.oid ?? entry.oid,
    contentType: await contentTypeOf(
      ref,
      commit,
      entry,
      as === "app" ? staticAppContentType : repoFileContentType,
    ),
    filename: entry.name,
    disposition: download === "true" || download === "1" ? "attachment" : "inline",
    open: async (range?: ByteRange) =>
      entry.lfs
        ? blobWebStream(entry.lfs.oid, range)
        : (await openFile(ref, { rev: commit, path: entry.path, range })).stream,
    headers: {
      ...(as === "app" ? staticAppHeaders : userContentHeaders),
      "Cache-Control": "private, max-age=0, must-revalidate",
      "X-Repo-Commit": commit,
    },
  });
  if (as === "file" && request.method === "GET" && response.status < 300 && !isEmbedded(request)) {
    await countDownload(repo, {
      ip: clientIp(request.headers),
      userAgent: request.headers.get("user-agent"),
      userId: caller?.id ?? null,
    }).catch((error: unknown) => console.error("[strata] could not count a download", error));
  }
  return response;
}

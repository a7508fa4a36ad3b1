import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { getCommit, listTree, readFileBytes, requireRevision, type RepoRef } from "@/lib/hub";
import { parseCard } from "@/lib/hub/card/parse-card";
import { getRepo } from "@/lib/repos/access";
import { loadSafetensorsInfo } from "@/lib/repos/files/safetensors-info";
import { searchRepos } from "@/lib/repos/search";

import { repoSummaryJson } from "./repo-json";

const maxSiblings = 10_000;

async function siblingsAt(ref: RepoRef, commit: string, withBlobs: boolean) {
  const { entries } = await listTree(ref, { rev: commit, recursive: true, limit: maxSiblings });
  return entries
    .filter((entry) => entry.type === "file")
    .map((entry) =>
      withBlobs
        ? {
            rfilename: entry.path,
            size: entry.size,
            blobId: entry.oid,
            ...(entry.lfs
              ? {
                  lfs: {
                    sha256: entry.lfs.oid,
                    size: entry.lfs.size,
                    pointerSize: entry.lfs.pointerSize,
                  },
                }
              : {}),
          }
        : { rfilename: entry.path },
    );
}

async function cardDataAt(
  ref: RepoRef,
  commit: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    const { data } = await readFileBytes(ref, {
      rev: commit,
      path: "README.md",
      maxBytes: 1024 * 1024,
    });
    const card = parseCard(data.toString("utf8"), { type: ref.type });
    return Object.keys(card.data).length ? card.data : undefined;
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "payload_too_large")
    )
      return undefined;
    throw error;
  }
}

/** The Spaces (ids) the caller may see whose card names the model under `models:`. */
async function spacesUsing(caller: Caller | null, ref: RepoRef): Promise<string[]> {
  const result = await searchRepos(caller, {
    type: "space",
    filters: { model: `${ref.owner}/${ref.name}` },
    sort: "likes",
    limit: 100,
  });
  return result.items.map((space) => `${space.ownerName}/${space.name}`);
}

/**
 * `GET /api/{type}s/{id}` and `…/revision/{rev}` (`HEAD` included). `sha` is always there (both
 * clients' snapshot downloads need it); `siblings` and `cardData` cost a tree walk and a README
 * read, so they come when asked for with `expand` or when no `expand` narrows the answer.
 */
export async function repoInfoHf(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  rev: string | null,
): Promise<Response> {
  const { repo, ref } = await getRepo(caller, address, "read");
  const params = new URL(request.url).searchParams;
  const expand = [...params.getAll("expand"), ...params.getAll("expand[]")];
  const wants = (field: string) => expand.length === 0 || expand.includes(field);
  const { commit } = await requireRevision(ref, rev ?? "HEAD");
  const blobs = /^(1|true)$/i.test(params.get("blobs") ?? "");
  const isModel = repo.type === "model";
  const [details, siblings, cardData, safetensors, spaces] = await Promise.all([
    getCommit(ref, commit),
    wants("siblings") || blobs ? siblingsAt(ref, commit, blobs) : undefined,
    wants("cardData") ? cardDataAt(ref, commit) : undefined,
    isModel && wants("safetensors") ? loadSafetensorsInfo(ref, commit) : undefined,
    isModel && wants("spaces") ? spacesUsing(caller, ref) : undefined,
  ]);
  return Response.json({
    ...repoSummaryJson(repo),
    sha: commit,
    lastModified: details.committer.date,
    ...(cardData ? { cardData } : {}),
    ...(siblings ? { siblings } : {}),
    ...(safetensors ? { safetensors } : {}),
    ...(spaces ? { spaces } : {}),
  });
}

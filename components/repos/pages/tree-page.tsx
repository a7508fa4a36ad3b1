import Link from "next/link";
import { redirect } from "next/navigation";

import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RepoType } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/or-not-found";
import type { SearchParams } from "@/lib/http/search-params";
import { firstParam } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { pathText, segmentText } from "@/lib/repos/http/params";
import {
  blobHref,
  commitsHref,
  newFileHref,
  refsHref,
  treeHref,
  uploadHref,
} from "@/lib/repos/urls";
import { loadTree } from "@/lib/repos/view/file-views";

import { fileStrings } from "../file-strings";
import { Breadcrumbs } from "../files/breadcrumbs";
import { FileTable } from "../files/file-table";
import { LastCommitBar } from "../files/last-commit-bar";
import { RefSwitcher } from "../files/ref-switcher";
import { DeletePathButton } from "../upload/delete-path-button";

export type TreeParams = Promise<{ owner: string; name: string; rev: string; path?: string[] }>;

/** A folder at a branch, tag or commit. */
export async function TreePage({
  type,
  params,
  searchParams,
}: {
  type: RepoType;
  params: TreeParams;
  searchParams: SearchParams;
}) {
  const p = await params;
  const input = {
    type,
    owner: segmentText(p.owner),
    name: segmentText(p.name),
    rev: segmentText(p.rev),
    path: pathText(p.path),
  };
  const offset = Math.max(0, Number(firstParam((await searchParams).offset)) || 0);
  const tree = await orNotFound(
    loadTree({ ...input, offset }).catch((error: unknown) => {
      // A file's path under /tree/ is shown as a file.
      if (error instanceof AppError && error.reason === "not_a_folder") {
        redirect(blobHref({ type, owner: input.owner, name: input.name }, input.rev, input.path));
      }
      throw error;
    }),
  );
  const s = await getStrings(fileStrings);
  const repo = { type, owner: tree.view.owner, name: tree.view.name };
  const branch = tree.revision.branch;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <RefSwitcher
          revision={tree.revision}
          refs={tree.refs}
          hrefFor={(rev) => treeHref(repo, rev, tree.path)}
          manageHref={refsHref(repo, input.rev)}
        />
        <Breadcrumbs repo={repo} rev={input.rev} path={tree.path} />
        <div className="ml-auto flex flex-wrap gap-2">
          <ButtonLink href={commitsHref(repo, input.rev, tree.path)} variant="secondary" size="sm">
            {s.history}
          </ButtonLink>
          {tree.view.canWrite && branch ? (
            <>
              <ButtonLink href={newFileHref(repo, branch, tree.path)} variant="secondary" size="sm">
                {s.newFile}
              </ButtonLink>
              <ButtonLink href={uploadHref(repo, branch, tree.path)} size="sm">
                {s.upload}
              </ButtonLink>
              {tree.path ? (
                <DeletePathButton
                  repo={repo}
                  branch={branch}
                  parentCommit={tree.revision.commit}
                  path={tree.path}
                  folder
                  after={treeHref(repo, branch, tree.path.split("/").slice(0, -1).join("/"))}
                />
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <Card className="overflow-hidden">
        <LastCommitBar repo={repo} commit={tree.lastCommit} />
        {tree.entries.length ? (
          <FileTable repo={repo} rev={input.rev} entries={tree.entries} />
        ) : (
          <p className="text-muted-foreground px-4 py-6 text-sm">{s.emptyFolder}</p>
        )}
      </Card>
      {tree.nextOffset !== null ? (
        <Link
          href={`${treeHref(repo, input.rev, tree.path)}?offset=${tree.nextOffset}`}
          className="text-brand text-sm hover:underline"
        >
          {s.moreEntries}
        </Link>
      ) : null}
    </div>
  );
}

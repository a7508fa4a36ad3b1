import type { RepoType } from "@/db/schema/enums";
import { orNotFound } from "@/lib/http/or-not-found";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { pathText, segmentText } from "@/lib/repos/http/params";
import { commitsHref, refsHref } from "@/lib/repos/urls";
import { loadCommits } from "@/lib/repos/view/history-views";

import { fileStrings } from "../file-strings";
import { Breadcrumbs } from "../files/breadcrumbs";
import { CommitList } from "../files/commit-list";
import { PageLinks } from "../files/page-links";
import { RefSwitcher } from "../files/ref-switcher";
import { repoStrings } from "../strings";
import type { TreeParams } from "./tree-page";

/** History of a revision (optionally of one path), 30 commits a page. */
export async function CommitsPage({
  type,
  params,
  searchParams,
}: {
  type: RepoType;
  params: TreeParams;
  searchParams: SearchParams;
}) {
  const p = await params;
  const page = Math.min(
    100_000,
    Math.max(1, Math.floor(Number(firstParam((await searchParams).p)) || 1)),
  );
  const history = await orNotFound(
    loadCommits({
      type,
      owner: segmentText(p.owner),
      name: segmentText(p.name),
      rev: segmentText(p.rev),
      path: pathText(p.path),
      page,
    }),
  );
  const [s, r] = await Promise.all([getStrings(fileStrings), getStrings(repoStrings)]);
  const repo = { type, owner: history.view.owner, name: history.view.name };
  const rev = segmentText(p.rev);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <RefSwitcher
          revision={history.revision}
          refs={history.refs}
          hrefFor={(other) => commitsHref(repo, other, history.path)}
          manageHref={refsHref(repo, rev)}
        />
        {history.path ? <Breadcrumbs repo={repo} rev={rev} path={history.path} /> : null}
      </div>
      <h2 className="text-lg font-semibold">{s.commitsTitle(history.path)}</h2>
      {history.commits.length ? (
        <CommitList repo={repo} commits={history.commits} />
      ) : (
        <p className="text-muted-foreground text-sm">{s.noCommits}</p>
      )}
      <PageLinks
        page={history.page}
        pageCount={history.pageCount}
        hrefFor={(n) => `${commitsHref(repo, rev, history.path)}${n > 1 ? `?p=${n}` : ""}`}
        labels={r}
      />
    </div>
  );
}

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { RepoType } from "@/db/schema/enums";
import { pageCaller } from "@/lib/auth/page-caller";
import { orNotFound } from "@/lib/http/or-not-found";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import type { RefInfo } from "@/lib/hub";
import { getStrings } from "@/lib/i18n/server";
import { segmentText } from "@/lib/repos/http/params";
import { listRepoRefs } from "@/lib/repos/refs";
import { commitHref, treeHref } from "@/lib/repos/urls";
import { loadRepoView } from "@/lib/repos/view/repo-view";

import { CreateRefForm, DeleteRefButton } from "../refs/ref-forms";
import { refStrings } from "../refs/strings";
import type { RepoParams } from "./repo-layout";

/** Branches and tags with their commits; writers create them from a revision and delete them. */
export async function RefsPage({
  type,
  params,
  searchParams,
}: {
  type: RepoType;
  params: RepoParams;
  searchParams: SearchParams;
}) {
  const p = await params;
  const view = await orNotFound(loadRepoView(type, segmentText(p.owner), segmentText(p.name)));
  const repo = { type, owner: view.owner, name: view.name };
  const [refs, s, query] = await Promise.all([
    listRepoRefs(await pageCaller(), repo),
    getStrings(refStrings),
    searchParams,
  ]);
  const list = (kind: "branch" | "tag", items: RefInfo[]) => (
    <ul className="divide-y" data-testid={`${kind}-list`}>
      {items.map((ref) => (
        <li key={ref.name} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm">
          <Link href={treeHref(repo, ref.name)} className="font-mono font-medium hover:underline">
            {ref.name}
          </Link>
          {kind === "branch" && ref.name === refs.defaultBranch ? <Badge>{s.default}</Badge> : null}
          <Link
            href={commitHref(repo, ref.commit)}
            className="text-muted-foreground font-mono text-xs hover:underline"
          >
            {ref.commit.slice(0, 10)}
          </Link>
          {ref.message ? (
            <span className="text-muted-foreground min-w-0 truncate" data-testid="tag-message">
              {ref.message}
            </span>
          ) : null}
          {view.canWrite && !(kind === "branch" && ref.name === refs.defaultBranch) ? (
            <span className="ml-auto">
              <DeleteRefButton repo={repo} kind={kind} name={ref.name} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <h2 className="text-lg font-semibold">{s.title}</h2>
      {view.canWrite ? (
        <Card className="space-y-3 p-4">
          <div>
            <h3 id="create-ref-heading" className="font-semibold">
              {s.create}
            </h3>
            <p className="text-muted-foreground text-sm">{s.createLead}</p>
          </div>
          <CreateRefForm repo={repo} from={firstParam(query.from) ?? refs.defaultBranch} />
        </Card>
      ) : null}
      <section aria-labelledby="branches-heading" className="space-y-2">
        <h3 id="branches-heading" className="font-semibold">
          {s.branches}
        </h3>
        <Card className="overflow-hidden">{list("branch", refs.branches)}</Card>
      </section>
      <section aria-labelledby="tags-heading" className="space-y-2">
        <h3 id="tags-heading" className="font-semibold">
          {s.tags}
        </h3>
        <Card className="overflow-hidden">
          {refs.tags.length ? (
            list("tag", refs.tags)
          ) : (
            <p className="text-muted-foreground px-4 py-3 text-sm">{s.noTags}</p>
          )}
        </Card>
      </section>
    </div>
  );
}

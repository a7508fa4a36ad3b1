import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page-caller";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import type { HostedRepoType } from "@/lib/repos/kinds";
import { listQueryString, parseListParams } from "@/lib/repos/list/list-params";
import { listRepos } from "@/lib/repos/list/list-repos";
import { newRepoHref } from "@/lib/repos/urls";

import { RepoListView } from "../list/repo-list-view";
import { repoStrings } from "../strings";

/**
 * `/models`, `/datasets`: rendered on the server with the first page, handed to the list with the
 * query string it answers, so the first HTML holds the results and the browser does not fetch them
 * again.
 */
export async function ListPage({
  type,
  searchParams,
}: {
  type: HostedRepoType;
  searchParams: SearchParams;
}) {
  const params = parseListParams(await searchParams);
  const caller = await pageCaller();
  const [page, s] = await Promise.all([listRepos(caller, type, params), getStrings(repoStrings)]);
  return (
    <div>
      <PageHeading
        title={s.kindPlural[type]}
        description={s.listLead[type]}
        actions={
          caller ? <ButtonLink href={newRepoHref(type)}>{s.newRepo[type]}</ButtonLink> : null
        }
      />
      <RepoListView
        type={type}
        signedIn={caller !== null}
        initial={{ key: listQueryString(params), page }}
      />
    </div>
  );
}

import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";

import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page-caller";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import type { HostedRepoType } from "@/lib/repos/kinds";
import { parseListParams } from "@/lib/repos/list/list-params";
import { listRepos } from "@/lib/repos/list/list-repos";
import { newRepoHref } from "@/lib/repos/urls";

import { repoListQuery } from "../list/queries";
import { RepoListView } from "../list/repo-list-view";
import { repoStrings } from "../strings";

/**
 * `/models`, `/datasets`: rendered on the server with the first page already in the query cache
 * (the same key the browser uses), so the first HTML holds the results and the browser does not
 * fetch them again.
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
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    ...repoListQuery(type, params),
    queryFn: () => listRepos(caller, type, params),
  });
  const s = await getStrings(repoStrings);
  return (
    <div>
      <PageHeading
        title={s.kindPlural[type]}
        description={s.listLead[type]}
        actions={
          caller ? <ButtonLink href={newRepoHref(type)}>{s.newRepo[type]}</ButtonLink> : null
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RepoListView type={type} signedIn={caller !== null} />
      </HydrationBoundary>
    </div>
  );
}

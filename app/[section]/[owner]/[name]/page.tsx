import { CardPage } from "@/components/repos/pages/card-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { RepoParams } from "@/components/repos/pages/repo-layout";
import type { SearchParams } from "@/lib/http/search-params";

export default async function Page({
  params,
  searchParams,
}: {
  params: WithSection<RepoParams>;
  searchParams: SearchParams;
}) {
  return <CardPage type={await pageKind(params)} params={params} searchParams={searchParams} />;
}

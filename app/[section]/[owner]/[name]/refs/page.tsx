import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import { RefsPage } from "@/components/repos/pages/refs-page";
import type { RepoParams } from "@/components/repos/pages/repo-layout";
import type { SearchParams } from "@/lib/http/search-params";

export default async function Page({
  params,
  searchParams,
}: {
  params: WithSection<RepoParams>;
  searchParams: SearchParams;
}) {
  return <RefsPage type={await pageKind(params)} params={params} searchParams={searchParams} />;
}

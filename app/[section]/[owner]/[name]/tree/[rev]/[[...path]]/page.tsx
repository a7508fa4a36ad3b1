import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import { TreePage, type TreeParams } from "@/components/repos/pages/tree-page";
import type { SearchParams } from "@/lib/http/search-params";

export default async function Page({
  params,
  searchParams,
}: {
  params: WithSection<TreeParams>;
  searchParams: SearchParams;
}) {
  return <TreePage type={await pageKind(params)} params={params} searchParams={searchParams} />;
}

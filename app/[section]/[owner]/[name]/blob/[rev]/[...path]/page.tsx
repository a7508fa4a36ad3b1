import { BlobPage } from "@/components/repos/pages/blob-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { TreeParams } from "@/components/repos/pages/tree-page";
import type { SearchParams } from "@/lib/http/search-params";

export default async function Page({
  params,
  searchParams,
}: {
  params: WithSection<TreeParams>;
  searchParams: SearchParams;
}) {
  return <BlobPage type={await pageKind(params)} params={params} searchParams={searchParams} />;
}

import { TreePage, type TreeParams } from "@/components/repos/pages/tree-page";
import type { SearchParams } from "@/lib/http/search-params";

export default function Page({ params, searchParams }: { params: TreeParams; searchParams: SearchParams }) {
  return <TreePage type="model" params={params} searchParams={searchParams} />;
}

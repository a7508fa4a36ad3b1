import { BlobPage } from "@/components/repos/pages/blob-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { TreeParams } from "@/components/repos/pages/tree-page";

export default async function Page({ params }: { params: WithSection<TreeParams> }) {
  return <BlobPage type={await pageKind(params)} params={params} />;
}

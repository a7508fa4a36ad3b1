import { BlobPage } from "@/components/repos/pages/blob-page";
import type { TreeParams } from "@/components/repos/pages/tree-page";

export default function Page({ params }: { params: TreeParams }) {
  return <BlobPage type="dataset" params={params} />;
}

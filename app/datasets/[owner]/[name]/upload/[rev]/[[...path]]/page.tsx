import { UploadPage } from "@/components/repos/pages/upload-page";
import type { TreeParams } from "@/components/repos/pages/tree-page";

export default function Page({ params }: { params: TreeParams }) {
  return <UploadPage type="dataset" params={params} />;
}

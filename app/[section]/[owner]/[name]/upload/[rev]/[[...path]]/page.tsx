import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { TreeParams } from "@/components/repos/pages/tree-page";
import { UploadPage } from "@/components/repos/pages/upload-page";

export default async function Page({ params }: { params: WithSection<TreeParams> }) {
  return <UploadPage type={await pageKind(params)} params={params} />;
}

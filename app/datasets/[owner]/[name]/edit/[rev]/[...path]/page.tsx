import { EditPage } from "@/components/repos/pages/edit-page";
import type { TreeParams } from "@/components/repos/pages/tree-page";

export default function Page({ params }: { params: TreeParams }) {
  return <EditPage type="dataset" params={params} mode="edit" />;
}

import { EditPage } from "@/components/repos/pages/edit-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { TreeParams } from "@/components/repos/pages/tree-page";

export default async function Page({ params }: { params: WithSection<TreeParams> }) {
  return <EditPage type={await pageKind(params)} params={params} mode="new" />;
}

import { CommitPage, type CommitParams } from "@/components/repos/pages/commit-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";

export default async function Page({ params }: { params: WithSection<CommitParams> }) {
  return <CommitPage type={await pageKind(params)} params={params} />;
}

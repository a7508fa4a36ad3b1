import { CardPage } from "@/components/repos/pages/card-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { RepoParams } from "@/components/repos/pages/repo-layout";

export default async function Page({ params }: { params: WithSection<RepoParams> }) {
  return <CardPage type={await pageKind(params)} params={params} />;
}

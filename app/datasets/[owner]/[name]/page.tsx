import { CardPage } from "@/components/repos/pages/card-page";
import type { RepoParams } from "@/components/repos/pages/repo-layout";

export default function Page({ params }: { params: RepoParams }) {
  return <CardPage type="dataset" params={params} />;
}

import { CommitPage, type CommitParams } from "@/components/repos/pages/commit-page";

export default function Page({ params }: { params: CommitParams }) {
  return <CommitPage type="dataset" params={params} />;
}

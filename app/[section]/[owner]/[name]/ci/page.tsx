import { notFound } from "next/navigation";

import { ModelCiPage } from "@/components/model-ci/ci-page";
import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { RepoParams } from "@/components/repos/pages/repo-layout";

export default async function Page({ params }: { params: WithSection<RepoParams> }) {
  // Only models run CI.
  if ((await pageKind(params)) !== "model") notFound();
  return <ModelCiPage params={params} />;
}

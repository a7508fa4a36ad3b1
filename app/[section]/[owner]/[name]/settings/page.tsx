import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import type { RepoParams } from "@/components/repos/pages/repo-layout";
import { SettingsPage } from "@/components/repos/pages/settings-page";

export default async function Page({ params }: { params: WithSection<RepoParams> }) {
  return <SettingsPage type={await pageKind(params)} params={params} />;
}

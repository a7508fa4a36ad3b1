import type { RepoParams } from "@/components/repos/pages/repo-layout";
import { SettingsPage } from "@/components/repos/pages/settings-page";

export default function Page({ params }: { params: RepoParams }) {
  return <SettingsPage type="model" params={params} />;
}

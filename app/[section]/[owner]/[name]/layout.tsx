import type { Metadata } from "next";
import type { ReactNode } from "react";

import { pageKind, type WithSection } from "@/components/repos/pages/page-kind";
import { RepoLayout, repoTitle, type RepoParams } from "@/components/repos/pages/repo-layout";

export async function generateMetadata({ params }: { params: RepoParams }): Promise<Metadata> {
  return { title: await repoTitle(params) };
}

export default async function Layout({
  params,
  children,
}: {
  params: WithSection<RepoParams>;
  children: ReactNode;
}) {
  return (
    <RepoLayout type={await pageKind(params)} params={params}>
      {children}
    </RepoLayout>
  );
}

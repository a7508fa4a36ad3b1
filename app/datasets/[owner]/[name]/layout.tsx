import type { Metadata } from "next";
import type { ReactNode } from "react";

import { RepoLayout, repoTitle, type RepoParams } from "@/components/repos/pages/repo-layout";

export async function generateMetadata({ params }: { params: RepoParams }): Promise<Metadata> {
  return { title: await repoTitle(params) };
}

export default function Layout({ params, children }: { params: RepoParams; children: ReactNode }) {
  return (
    <RepoLayout type="dataset" params={params}>
      {children}
    </RepoLayout>
  );
}

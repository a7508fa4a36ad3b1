import type { ReactNode } from "react";

import type { RepoType } from "@/db/schema/enums";
import { orNotFound } from "@/lib/http/or-not-found";
import { segmentText } from "@/lib/repos/http/params";
import { loadRepoCard, loadRepoView } from "@/lib/repos/view/repo-view";

import { RepoHeader } from "../repo-header";

export type RepoParams = Promise<{ owner: string; name: string }>;

/** The frame of every repository page: a 404 for repositories the visitor may not see. */
export async function RepoLayout({
  type,
  params,
  children,
}: {
  type: RepoType;
  params: RepoParams;
  children: ReactNode;
}) {
  const { owner, name } = await params;
  const view = await orNotFound(loadRepoView(type, segmentText(owner), segmentText(name)));
  const card = view.head ? await loadRepoCard(type, view.owner, view.name, view.head) : null;
  return (
    <div>
      <RepoHeader view={view} card={card} />
      {children}
    </div>
  );
}

export async function repoTitle(params: RepoParams): Promise<string> {
  const { owner, name } = await params;
  return `${segmentText(owner)}/${segmentText(name)}`;
}

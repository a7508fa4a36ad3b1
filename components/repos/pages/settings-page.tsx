import { notFound } from "next/navigation";

import type { RepoType } from "@/db/schema/enums";
import { orNotFound } from "@/lib/http/or-not-found";
import { segmentText } from "@/lib/repos/http/params";
import { loadRepoCard, loadRepoView } from "@/lib/repos/view/repo-view";

import {
  DeleteRepoForm,
  DescriptionForm,
  LicenseForm,
  VisibilityForm,
} from "../settings/settings-forms";
import type { RepoParams } from "./repo-layout";
import { SpaceEnvironmentSection } from "./space-environment-section";

/** Description, license (a card commit), visibility and deletion; admins of the repository only. */
export async function SettingsPage({ type, params }: { type: RepoType; params: RepoParams }) {
  const p = await params;
  const view = await orNotFound(loadRepoView(type, segmentText(p.owner), segmentText(p.name)));
  // Readers who are not admins see no settings at all, as if there were none.
  if (!view.canAdmin) notFound();
  const card = view.head ? await loadRepoCard(type, view.owner, view.name, view.head) : null;
  const repo = { type, owner: view.owner, name: view.name };
  return (
    <div className="max-w-2xl space-y-6">
      <DescriptionForm repo={repo} description={view.description ?? ""} />
      <LicenseForm repo={repo} license={card?.metadata.licenses[0] ?? null} />
      {type === "space" && view.head ? (
        <SpaceEnvironmentSection view={view} head={view.head} />
      ) : null}
      <VisibilityForm repo={repo} isPrivate={view.isPrivate} ownerKind={view.ownerKind} />
      <DeleteRepoForm repo={repo} />
    </div>
  );
}

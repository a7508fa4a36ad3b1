import { repoNotFound } from "@/lib/hub/errors";
import type { RepoRef } from "@/lib/hub/types";
import { kindOfSection, type HostedRepoType } from "@/lib/repos/kinds";

/** `models` → `model`; anything else is a 404 (the URL names no kind of repository the site hosts). */
export function repoTypeOfPlural(plural: string): HostedRepoType {
  const kind = kindOfSection(plural);
  if (!kind) throw repoNotFound();
  return kind.type;
}

/** The repository a `/api/repos/{models|datasets}/{owner}/{name}/…` route is about. */
export function addressOf(params: { type: string; owner: string; name: string }): RepoRef {
  return { type: repoTypeOfPlural(params.type), owner: params.owner, name: params.name };
}

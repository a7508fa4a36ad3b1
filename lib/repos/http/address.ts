import { repoNotFound } from "@/lib/hub/errors";
import { kindOfSection, type HostedRepoType } from "@/lib/repos/kinds";

import type { RepoAddress } from "../access";

/** `models` → `model`; anything else is a 404 (the URL names no kind of repository the site hosts). */
export function repoTypeOfPlural(plural: string): HostedRepoType {
  const kind = kindOfSection(plural);
  if (!kind) throw repoNotFound();
  return kind.type;
}

/** The repository a `/api/repos/{models|datasets}/{owner}/{name}/…` route is about. */
export function addressOf(params: { type: string; owner: string; name: string }): RepoAddress {
  return { type: repoTypeOfPlural(params.type), owner: params.owner, name: params.name };
}

import { repoNotFound } from "@/lib/hub/errors";
import { repoTypeOfSegment, type RepoType } from "@/lib/validation/repo-names";

import type { RepoAddress } from "../access";

/** `models` → `model`; anything else is a 404 (the URL names no kind of repository). */
export function repoTypeOfPlural(plural: string): RepoType {
  const type = repoTypeOfSegment(plural);
  if (!type) throw repoNotFound();
  return type;
}

/** The repository a `/api/repos/{models|datasets}/{owner}/{name}/…` route is about. */
export function addressOf(params: { type: string; owner: string; name: string }): RepoAddress {
  return { type: repoTypeOfPlural(params.type), owner: params.owner, name: params.name };
}

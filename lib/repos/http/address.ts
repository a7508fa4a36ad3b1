import { repoNotFound } from "@/lib/hub/errors";
import { repoTypePlural, type RepoType } from "@/lib/validation/repo-names";

import type { RepoAddress } from "../access";

const typeOfPlural = Object.fromEntries(
  Object.entries(repoTypePlural).map(([type, plural]) => [plural, type]),
) as Record<string, RepoType>;

/** `models` → `model`; anything else is a 404 (the URL names no kind of repository). */
export function repoTypeOfPlural(plural: string): RepoType {
  const type = typeOfPlural[plural];
  if (!type) throw repoNotFound();
  return type;
}

/** The repository a `/api/repos/{models|datasets}/{owner}/{name}/…` route is about. */
export function addressOf(params: { type: string; owner: string; name: string }): RepoAddress {
  return { type: repoTypeOfPlural(params.type), owner: params.owner, name: params.name };
}

import { AppError } from "@/lib/errors";
import { repoNotFound } from "@/lib/hub/errors";
import { repoTypePlural, type RepoType } from "@/lib/validation/repo-names";

import type { RepoAddress } from "../access";

const typeOfPlural = Object.fromEntries(Object.entries(repoTypePlural).map(([type, plural]) => [plural, type])) as Record<string, RepoType>;

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

/**
 * Writes with a browser session must come from our own pages: a request another site makes the
 * browser send (with its cookies) is refused. Access tokens are not sent by browsers on their own,
 * so token requests pass.
 */
export function assertSameSiteWrite(request: Request, auth: { type: string }): void {
  if (auth.type !== "session") return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Requests from other sites cannot change repositories.");
  }
}

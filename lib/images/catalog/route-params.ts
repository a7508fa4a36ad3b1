import "server-only";

import { z } from "zod";

import { pathComponent, tagName } from "./catalog-write";

// The dynamic segments of the image center's URLs. A segment that cannot name an image is a
// missing page (404), like a name that names none.

const repositoryParams = z.object({ namespace: pathComponent, name: pathComponent });
const tagParams = repositoryParams.extend({ tag: tagName });

export type RepositoryParams = z.infer<typeof repositoryParams>;
export type TagParams = z.infer<typeof tagParams>;

export function parseRepositoryParams(params: Record<string, string>): RepositoryParams | null {
  const parsed = repositoryParams.safeParse(params);
  return parsed.success ? parsed.data : null;
}

export function parseTagParams(params: Record<string, string>): TagParams | null {
  const parsed = tagParams.safeParse(params);
  return parsed.success ? parsed.data : null;
}

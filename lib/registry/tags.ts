import "server-only";

import { listTagNames } from "@/db/queries/registry-manifests";

import { authorizeRepository, type RegistryRequester } from "./access";
import { RegistryError } from "./errors";
import { nextLink, parsePage } from "./pagination";
import { registryJson } from "./responses";

const maxPage = 10_000;

/** GET /v2/<name>/tags/list[?n=&last=]: tags in lexical order, with a Link to the next page. */
export async function listTags(
  request: Request,
  requester: RegistryRequester,
  name: string,
): Promise<Response> {
  const { repository } = await authorizeRepository(requester, name, "pull");
  if (!repository) throw new RegistryError("NAME_UNKNOWN", `Repository ${name} not found.`);
  const { n, last } = parsePage(request, maxPage);
  const limit = n ?? maxPage;
  const rows = limit === 0 ? [] : await listTagNames(repository.id, last, limit + 1);
  const tags = rows.slice(0, limit);
  const headers: Record<string, string> = {};
  if (rows.length > limit && tags.length > 0) {
    headers.Link = nextLink(`/v2/${name}/tags/list`, limit, tags.at(-1)!);
  }
  return registryJson(request, { name, tags }, { headers });
}

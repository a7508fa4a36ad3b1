import "server-only";

import { listRegistryRepositoriesAfter } from "@/db/queries/registry";

import { canPull, type RegistryRequester } from "./access";
import { RegistryError } from "./errors";
import { nextLink, parsePage } from "./pagination";
import { registryJson } from "./responses";
import { grantsCatalog } from "./scopes";

// CNCF Distribution's defaults: 100 entries per page, at most 1000.
const defaultPage = 100;
const maxPage = 1000;
const scanBatch = 200;

/**
 * GET /v2/_catalog[?n=&last=]: the repositories this requester may pull, in lexical order. Private
 * repositories others cannot read are skipped, so their names never appear.
 */
export async function listCatalog(
  request: Request,
  requester: RegistryRequester,
): Promise<Response> {
  if (requester.cap && !grantsCatalog(requester.cap)) {
    throw new RegistryError(
      "UNAUTHORIZED",
      "Get a token with the registry:catalog:* scope to list repositories.",
    );
  }
  const { n, last } = parsePage(request, maxPage);
  const limit = n ?? defaultPage;
  const names: string[] = [];
  let cursor = last;
  let more = false;
  while (limit > 0 && !more) {
    const batch = await listRegistryRepositoriesAfter(cursor, scanBatch);
    for (const repository of batch) {
      if (!(await canPull(requester, repository))) continue;
      if (names.length === limit) {
        more = true;
        break;
      }
      names.push(repository.name);
    }
    if (batch.length < scanBatch) break;
    cursor = batch.at(-1)!.name;
  }
  const headers: Record<string, string> = more
    ? { Link: nextLink("/v2/_catalog", limit, names.at(-1)!) }
    : {};
  return registryJson(request, { repositories: names }, { headers });
}

import "server-only";

import { findRepoRecord } from "@/db/queries/repos";
import type { Caller } from "@/lib/auth/caller";

import { refOf, repoActions } from "./access";
import { repoHref } from "./urls";

/** A dataset a model card names, with a link when it is hosted here and the visitor may read it. */
export type DatasetUsed = { id: string; href: string | null };

const maxShown = 20;

/**
 * The card's `datasets:` as the sidebar shows them. An id that is not a dataset here, or one the
 * visitor may not read, is shown as the card writes it, without a link: both look the same, so a
 * private dataset's existence does not show.
 */
export async function listDatasetsUsed(
  caller: Caller | null,
  ids: string[],
): Promise<DatasetUsed[]> {
  return Promise.all(
    ids.slice(0, maxShown).map(async (id) => {
      const [owner, name, ...rest] = id.split("/");
      if (!owner || !name || rest.length > 0) return { id, href: null };
      const record = await findRepoRecord("dataset", owner, name);
      if (!record || !(await repoActions(caller, record)).has("read")) return { id, href: null };
      return { id, href: repoHref(refOf(record)) };
    }),
  );
}

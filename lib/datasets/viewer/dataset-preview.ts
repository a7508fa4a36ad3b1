import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { getDefaultBranch, requireRevision, type RepoRef } from "@/lib/hub";
import { getRepo } from "@/lib/repos/access";

import { dataFormatOf, listDataSplits, type DataFile, type DataSplit } from "./data-files";
import { readSplitRows, type RowsPage } from "./split-rows";

export type { RowsPage } from "./split-rows";

/** The viewer on a dataset page: its splits, the chosen one and a page of its rows. */
export type DatasetPreview = {
  splits: { config: string; split: string; files: number }[];
  config: string;
  split: string;
  offset: number;
  length: number;
  page: RowsPage;
};

export const pageRows = 50;

/**
 * The viewer of a dataset the caller may read (the page loaded it through the permission check):
 * the chosen split, or the first, from `offset`. Null when the dataset has no data files.
 */
export async function previewDataset(
  repo: RepoRef,
  commit: string,
  choice: { split?: string; offset: number },
): Promise<DatasetPreview | null> {
  const splits = await listDataSplits(repo, commit);
  const chosen = splits.find((s) => s.split === choice.split) ?? splits[0];
  if (!chosen) return null;
  const window = { offset: choice.offset, length: pageRows };
  return {
    splits: splits.map((s) => ({ config: s.config, split: s.split, files: s.files.length })),
    config: chosen.config,
    split: chosen.split,
    ...window,
    page: await readSplitRows(repo, commit, chosen.files, window),
  };
}

/** One data file's rows, for the file page; null for files the viewer does not read. */
export async function previewDataFile(
  repo: RepoRef,
  commit: string,
  entry: { path: string; size: number; lfs?: { size: number } },
  offset: number,
): Promise<RowsPage | null> {
  const format = dataFormatOf(entry.path);
  if (!format) return null;
  const file: DataFile = { path: entry.path, size: entry.lfs?.size ?? entry.size, format };
  return readSplitRows(repo, commit, [file], { offset, length: pageRows });
}

const datasetName = z.string().regex(/^[^/]+\/[^/]+$/, "Name the dataset as owner/name.");

export const splitsQuery = z.object({ dataset: datasetName, revision: z.string().optional() });

export const rowsQuery = z.object({
  dataset: datasetName,
  config: z.string().default("default"),
  split: z.string().min(1, "Name a split (see /splits)."),
  offset: z.coerce.number().int().min(0).default(0),
  length: z.coerce.number().int().min(0).max(100).default(100),
  revision: z.string().optional(),
});

/** The dataset a datasets-server style request names, checked for read access (404 otherwise). */
async function openDataset(caller: Caller | null, dataset: string, revision?: string) {
  const [owner = "", name = ""] = dataset.split("/");
  const { ref } = await getRepo(caller, { type: "dataset", owner, name });
  const { commit } = await requireRevision(ref, revision ?? (await getDefaultBranch(ref)));
  return { ref, commit };
}

/** `/splits`: every split of the dataset's one configuration. */
export async function datasetSplits(
  caller: Caller | null,
  query: { dataset: string; revision?: string },
): Promise<{ splits: { dataset: string; config: string; split: string }[] }> {
  const { ref, commit } = await openDataset(caller, query.dataset, query.revision);
  const splits = await listDataSplits(ref, commit);
  const dataset = `${ref.owner}/${ref.name}`;
  return { splits: splits.map((s) => ({ dataset, config: s.config, split: s.split })) };
}

function findSplit(splits: DataSplit[], config: string, split: string): DataSplit {
  const found = splits.find((s) => s.config === config && s.split === split);
  if (!found) {
    throw new AppError("not_found", `The dataset has no split "${split}" in config "${config}".`);
  }
  return found;
}

/** `/rows`: a page of a split in the datasets-server response shape. */
export async function datasetRows(caller: Caller | null, query: z.infer<typeof rowsQuery>) {
  const { ref, commit } = await openDataset(caller, query.dataset, query.revision);
  const split = findSplit(await listDataSplits(ref, commit), query.config, query.split);
  const page = await readSplitRows(ref, commit, split.files, query);
  return {
    features: page.columns.map((c, i) => ({
      feature_idx: i,
      name: c.name,
      type: { dtype: c.dtype, _type: "Value" },
    })),
    rows: page.rows.map((r) => ({ row_idx: r.rowIdx, row: r.row, truncated_cells: r.truncated })),
    num_rows_total: page.total,
    num_rows_per_page: query.length,
    partial: page.partial,
  };
}

/** The `offset` search parameter of a viewer page: a row number, 0 when missing or malformed. */
export function viewerOffset(value: string | undefined): number {
  const offset = Number(value);
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}

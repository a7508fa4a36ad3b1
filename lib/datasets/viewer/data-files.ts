import "server-only";

import { listTree, type RepoRef } from "@/lib/hub";

export type DataFormat = "parquet" | "csv" | "tsv" | "jsonl";

export type DataFile = { path: string; size: number; format: DataFormat };

/** A split of a dataset's one configuration: its data files, in path order, all read as one table. */
export type DataSplit = { config: string; split: string; files: DataFile[] };

const formats: Record<string, DataFormat> = {
  parquet: "parquet",
  csv: "csv",
  tsv: "tsv",
  jsonl: "jsonl",
};

/** The data format a file's name says, or null for files the viewer does not read. */
export function dataFormatOf(path: string): DataFormat | null {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return formats[name.slice(name.lastIndexOf(".") + 1)] ?? null;
}

/**
 * The split a file belongs to, by the Hub's naming convention: a `train`, `validation` or `test`
 * word in its path (directory or file name); everything else is training data, as on the Hub.
 */
function splitOf(path: string): string {
  const words = path.toLowerCase().split(/[^a-z0-9]+/);
  if (words.some((w) => w === "test" || w === "testing")) return "test";
  if (words.some((w) => ["validation", "valid", "val", "dev", "eval"].includes(w)))
    return "validation";
  return "train";
}

const splitOrder = ["train", "validation", "test"];
const maxListedFiles = 10_000;

/** The dataset's splits at a commit, from its data files (hidden paths are not data). */
export async function listDataSplits(repo: RepoRef, commit: string): Promise<DataSplit[]> {
  const { entries } = await listTree(repo, { rev: commit, recursive: true, limit: maxListedFiles });
  const splits = new Map<string, DataFile[]>();
  for (const entry of entries) {
    const format = entry.type === "file" ? dataFormatOf(entry.path) : null;
    if (!format || entry.path.split("/").some((part) => part.startsWith("."))) continue;
    const split = splitOf(entry.path);
    const files = splits.get(split) ?? [];
    files.push({ path: entry.path, size: entry.lfs?.size ?? entry.size, format });
    splits.set(split, files);
  }
  return [...splits.entries()]
    .sort(([a], [b]) => splitOrder.indexOf(a) - splitOrder.indexOf(b))
    .map(([split, files]) => ({
      config: "default",
      split,
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
    }));
}

import "server-only";

import type { RepoRef } from "@/lib/hub";

import type { DataFile } from "./data-files";
import { readParquetWindow } from "./parquet-rows";
import { toTableRow, type Column, type FileWindow, type TableRow } from "./table";
import { readTextWindow } from "./text-rows";

/** A page of a split (or of one file): typed columns, rows, and the row count. */
export type RowsPage = {
  columns: Column[];
  rows: TableRow[];
  /** Rows in the split, as far as they were counted. */
  total: number;
  /** True when a file was too large to count to its end, so `total` is a lower bound. */
  partial: boolean;
};

/** How much of a split one request may read; tests pass small ones instead of writing huge files. */
type ReadCaps = {
  /** Bytes of Parquet (footers and row groups) read in all, across the split's files. */
  parquetBytes: number;
  /** Bytes read from the start of each CSV, TSV or JSON Lines file. */
  textBytes: number;
};

const viewerCaps: ReadCaps = { parquetBytes: 64 * 1024 * 1024, textBytes: 16 * 1024 * 1024 };

function readWindow(
  repo: RepoRef,
  commit: string,
  file: DataFile,
  window: { offset: number; length: number },
  caps: { budget: { bytes: number }; textBytes: number },
): Promise<FileWindow> {
  const at = { commit, path: file.path, size: file.size };
  return file.format === "parquet"
    ? readParquetWindow(repo, at, window, caps.budget)
    : readTextWindow(repo, { ...at, format: file.format }, window, caps.textBytes);
}

/**
 * Rows `[offset, offset + length)` of a split whose files are read one after another as one table.
 * Files before the window are only counted (a Parquet footer, or a text file's rows); files after
 * it are not read. Columns are the first file's.
 */
export async function readSplitRows(
  repo: RepoRef,
  commit: string,
  files: DataFile[],
  window: { offset: number; length: number },
  caps: ReadCaps = viewerCaps,
): Promise<RowsPage> {
  const read = { budget: { bytes: caps.parquetBytes }, textBytes: caps.textBytes };
  const page: RowsPage = { columns: [], rows: [], total: 0, partial: false };
  const end = window.offset + window.length;
  for (const [index, file] of files.entries()) {
    const before = page.total;
    const from = Math.max(0, window.offset - before);
    const wanted = Math.max(0, end - before - from);
    const got = await readWindow(repo, commit, file, { offset: from, length: wanted }, read);
    if (index === 0) page.columns = got.columns;
    page.rows.push(...got.rows.map((row, i) => toTableRow(before + from + i, row)));
    page.total += got.total;
    if (!got.complete) {
      // The rows past the cap are unknown, so the files after this one cannot be numbered.
      page.partial = true;
      break;
    }
  }
  return page;
}

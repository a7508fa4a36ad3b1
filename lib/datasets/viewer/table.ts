import { toJson } from "hyparquet";

/** A column of a previewed table: its name and its type in the Hub's `dtype` words. */
export type Column = { name: string; dtype: string };

/** One row of a page: its index in the split, its JSON-safe cells, the cells that were cut short. */
export type TableRow = { rowIdx: number; row: Record<string, unknown>; truncated: string[] };

/** A window of rows out of one file, and how many rows it holds (all of them when `complete`). */
export type FileWindow = {
  columns: Column[];
  rows: Record<string, unknown>[];
  total: number;
  /** False when a size cap stopped the read before the file's end, so `total` is a lower bound. */
  complete: boolean;
};

const maxCellChars = 5_000;

/** A row made JSON-safe (bigints, dates, bytes) with long strings cut, naming the cut cells. */
export function toTableRow(rowIdx: number, values: Record<string, unknown>): TableRow {
  const row: Record<string, unknown> = {};
  const truncated: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    let cell: unknown = value instanceof Uint8Array ? `<${value.length} bytes>` : toJson(value);
    if (typeof cell === "string" && cell.length > maxCellChars) {
      cell = cell.slice(0, maxCellChars);
      truncated.push(name);
    }
    row[name] = cell ?? null;
  }
  return { rowIdx, row, truncated };
}

import "server-only";

import { AppError } from "@/lib/errors";
import { openFile, type RepoRef } from "@/lib/hub";

import { CsvRecords } from "./csv-records";
import type { DataFormat } from "./data-files";
import type { Column, FileWindow } from "./table";

/** Column types are inferred from this many first rows, so they do not change from page to page. */
const typeSampleRows = 1_000;

type Values = Record<string, unknown>;

/** Records of a text data file, as they stream, the last partial one dropped when the cap cut the file. */
async function* recordsOf(
  repo: RepoRef,
  file: { commit: string; path: string; size: number; format: Exclude<DataFormat, "parquet"> },
  maxBytes: number,
): AsyncGenerator<string[] | Values> {
  if (file.size === 0) return;
  const end = Math.min(file.size, maxBytes) - 1;
  const { stream } = await openFile(repo, {
    rev: file.commit,
    path: file.path,
    range: { start: 0, end },
  });
  const decoder = new TextDecoder();
  const whole = end === file.size - 1;
  if (file.format === "jsonl") {
    let rest = "";
    let line = 0;
    const parse = (text: string): Values | null => {
      line++;
      if (!text.trim()) return null;
      try {
        const value: unknown = JSON.parse(text);
        return value && typeof value === "object" && !Array.isArray(value)
          ? (value as Values)
          : { value };
      } catch {
        throw new AppError("unprocessable", `Line ${line} of "${file.path}" is not valid JSON.`);
      }
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
      rest = lines.pop()!;
      for (const text of lines) {
        const values = parse(text);
        if (values) yield values;
      }
    }
    const last = whole ? parse(rest + decoder.decode()) : null;
    if (last) yield last;
    return;
  }
  const parser = new CsvRecords(file.format === "tsv" ? "\t" : ",");
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
  if (whole) {
    yield* parser.push(decoder.decode());
    const last = parser.end();
    if (last) yield last;
  }
}

function dtypeOfValues(values: unknown[]): string {
  const kinds = new Set(
    values
      .filter((v) => v !== null && v !== undefined)
      .map((v) =>
        typeof v === "number"
          ? Number.isInteger(v)
            ? "int64"
            : "float64"
          : typeof v === "boolean"
            ? "bool"
            : typeof v === "string"
              ? "string"
              : Array.isArray(v)
                ? "list"
                : "struct",
      ),
  );
  if (kinds.size === 0) return "null";
  if (kinds.size === 1) return [...kinds][0]!;
  return kinds.size === 2 && kinds.has("int64") && kinds.has("float64") ? "float64" : "json";
}

function dtypeOfText(values: string[]): string {
  const filled = values.filter((v) => v !== "");
  if (filled.length === 0) return "string";
  if (filled.every((v) => /^-?\d{1,15}$/.test(v))) return "int64";
  if (filled.every((v) => v.trim() !== "" && Number.isFinite(Number(v)))) return "float64";
  if (filled.every((v) => /^(true|false)$/i.test(v))) return "bool";
  return "string";
}

function typedCell(text: string | undefined, dtype: string): unknown {
  if (text === undefined || (text === "" && dtype !== "string")) return null;
  if (dtype === "int64" || dtype === "float64") return Number(text);
  if (dtype === "bool") return text.toLowerCase() === "true";
  return text;
}

/** Unique, non-empty column names from a header record. */
function columnNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    let name = raw.trim() || `column_${i + 1}`;
    while (seen.has(name)) name = `${name}_${i + 1}`;
    seen.add(name);
    return name;
  });
}

/**
 * Rows `[offset, offset + length)` of a CSV, TSV or JSON Lines file, reading it from the start as a
 * stream up to `maxBytes`: rows past it are not previewed. The file's row count is known when the
 * cap did not cut it.
 */
export async function readTextWindow(
  repo: RepoRef,
  file: { commit: string; path: string; size: number; format: Exclude<DataFormat, "parquet"> },
  window: { offset: number; length: number },
  maxBytes: number,
): Promise<FileWindow> {
  let header: string[] | null = null;
  const sample: (string[] | Values)[] = [];
  const page: (string[] | Values)[] = [];
  let count = 0;
  for await (const record of recordsOf(repo, file, maxBytes)) {
    if (file.format !== "jsonl" && header === null) {
      header = columnNames(record as string[]);
      continue;
    }
    if (sample.length < typeSampleRows) sample.push(record);
    if (count >= window.offset && count < window.offset + window.length) page.push(record);
    count++;
  }
  const complete = file.size <= maxBytes;
  if (file.format === "jsonl") {
    const names = [...new Set(sample.flatMap((values) => Object.keys(values)))];
    const columns: Column[] = names.map((name) => ({
      name,
      dtype: dtypeOfValues(sample.map((values) => (values as Values)[name])),
    }));
    const rows = page.map((values) =>
      Object.fromEntries(names.map((name) => [name, (values as Values)[name] ?? null])),
    );
    return { columns, rows, total: count, complete };
  }
  const names = header ?? [];
  const columns: Column[] = names.map((name, i) => ({
    name,
    dtype: dtypeOfText(sample.map((record) => (record as string[])[i] ?? "")),
  }));
  const rows = page.map((record) =>
    Object.fromEntries(
      columns.map((c, i) => [c.name, typedCell((record as string[])[i], c.dtype)]),
    ),
  );
  return { columns, rows, total: count, complete };
}

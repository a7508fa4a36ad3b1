import "server-only";

import {
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type FileMetaData,
  type SchemaTree,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";

import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";

import { rangeReader } from "./byte-source";
import type { Column, FileWindow } from "./table";

/** Footers are small; the first read takes the last 64 KB, and hyparquet reads more when a footer is larger. */
const footerFetchBytes = 64 * 1024;

const metadataCache = new Map<string, FileMetaData>();
const metadataCacheSize = 200;

/** The Hub's dtype word for a top-level Parquet column. */
function dtypeOf(node: SchemaTree): string {
  const { element } = node;
  if (node.children.length > 0) {
    return element.converted_type === "LIST" || element.logical_type?.type === "LIST"
      ? "list"
      : element.converted_type === "MAP" || element.logical_type?.type === "MAP"
        ? "map"
        : "struct";
  }
  const logical = element.logical_type?.type;
  if (logical === "STRING" || element.converted_type === "UTF8") return "string";
  if (logical === "TIMESTAMP" || element.converted_type?.startsWith("TIMESTAMP"))
    return "timestamp";
  if (logical === "DATE" || element.converted_type === "DATE") return "date32";
  if (logical === "DECIMAL" || element.converted_type === "DECIMAL") return "decimal";
  switch (element.type) {
    case "BOOLEAN":
      return "bool";
    case "INT32":
      return "int32";
    case "INT64":
      return "int64";
    case "FLOAT":
      return "float32";
    case "DOUBLE":
      return "float64";
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY":
      return "binary";
    default:
      return "string";
  }
}

async function metadataOf(
  repo: RepoRef,
  file: { commit: string; path: string; size: number },
  budget: { bytes: number },
): Promise<FileMetaData> {
  // A path at a commit never changes, so its footer can be kept.
  const key = `${repo.type}/${repo.owner}/${repo.name}@${file.commit}:${file.path}`;
  const cached = metadataCache.get(key);
  if (cached) return cached;
  const metadata = await parquetMetadataAsync(rangeReader(repo, file, budget), {
    initialFetchSize: footerFetchBytes,
  });
  if (metadataCache.size >= metadataCacheSize)
    metadataCache.delete(metadataCache.keys().next().value!);
  metadataCache.set(key, metadata);
  return metadata;
}

/** hyparquet's own errors mean the bytes are not Parquet it can read; ours (cap, missing LFS) pass through. */
async function asParquet<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unprocessable", `"${path}" is not a Parquet file this viewer can read.`);
  }
}

/** Rows `[offset, offset + length)` of a Parquet file: its footer, then only the row groups they lie in. */
export async function readParquetWindow(
  repo: RepoRef,
  file: { commit: string; path: string; size: number },
  window: { offset: number; length: number },
  budget: { bytes: number },
): Promise<FileWindow> {
  const metadata = await asParquet(file.path, () => metadataOf(repo, file, budget));
  const columns: Column[] = parquetSchema(metadata).children.map((node) => ({
    name: node.element.name,
    dtype: dtypeOf(node),
  }));
  const total = Number(metadata.num_rows);
  const rowEnd = Math.min(total, window.offset + window.length);
  if (window.length === 0 || window.offset >= rowEnd)
    return { columns, rows: [], total, complete: true };
  const rows = await asParquet(file.path, () =>
    parquetReadObjects({
      file: rangeReader(repo, file, budget),
      metadata,
      rowStart: window.offset,
      rowEnd,
      compressors,
    }),
  );
  return { columns, rows, total, complete: true };
}

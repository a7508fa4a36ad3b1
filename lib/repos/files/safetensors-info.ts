import "server-only";

import { AppError } from "@/lib/errors";
import { listTree, openFile, type RepoRef } from "@/lib/hub";

/** What the Hub shows for a model's weights: parameters per tensor type, and their sum. */
export type SafetensorsInfo = { parameters: Record<string, number>; total: number };

/**
 * A header larger than this is not read (the format allows 100 MB; real headers are kilobytes:
 * a 7B model's is about 30 KB), so the page never holds more than this in memory.
 */
const maxHeaderBytes = 8 * 1024 * 1024;
const maxWeightFiles = 200;

async function readRange(repo: RepoRef, rev: string, path: string, start: number, end: number) {
  const { stream } = await openFile(repo, { rev, path, range: { start, end } });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parameters per dtype in one header: the product of each tensor's shape. */
export function countParameters(header: Record<string, unknown>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, tensor] of Object.entries(header)) {
    if (name === "__metadata__" || !tensor || typeof tensor !== "object") continue;
    const { dtype, shape } = tensor as { dtype?: unknown; shape?: unknown };
    if (typeof dtype !== "string" || !Array.isArray(shape)) continue;
    const size = shape.reduce<number>((n, d) => n * (typeof d === "number" ? d : 0), 1);
    counts[dtype] = (counts[dtype] ?? 0) + size;
  }
  return counts;
}

/**
 * Only the header of each `.safetensors` file is read (8 bytes of length, then the JSON), from git
 * or the LFS store, never the weights. Null when the file is not safetensors or its header is too big.
 */
async function headerOf(
  repo: RepoRef,
  rev: string,
  path: string,
  size: number,
): Promise<Record<string, unknown> | null> {
  if (size < 8) return null;
  const length = Number((await readRange(repo, rev, path, 0, 7)).readBigUInt64LE(0));
  if (length < 2 || length > maxHeaderBytes || 8 + length > size) return null;
  try {
    const header: unknown = JSON.parse(
      (await readRange(repo, rev, path, 8, 7 + length)).toString("utf8"),
    );
    return header && typeof header === "object" ? (header as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a model page's sidebar shows about the files at a commit. */
export type WeightsFacts = { safetensors: SafetensorsInfo | null; sizeBytes: number };

const cache = new Map<string, WeightsFacts>();
const cacheSize = 500;

/**
 * The parameter counts of every `.safetensors` file at a commit (sharded weights are summed; null
 * when there are none) and the size of all its files, LFS content counted. Cached per commit,
 * which never changes.
 */
export async function loadWeightsFacts(repo: RepoRef, commit: string): Promise<WeightsFacts> {
  const key = `${repo.type}/${repo.owner}/${repo.name}@${commit}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { entries } = await listTree(repo, { rev: commit, recursive: true, limit: 10_000 });
  const files = entries.filter((entry) => entry.type === "file");
  const weights = files.filter((f) => f.path.endsWith(".safetensors")).slice(0, maxWeightFiles);
  let safetensors: SafetensorsInfo | null = null;
  for (const file of weights) {
    let header: Record<string, unknown> | null;
    try {
      header = await headerOf(repo, commit, file.path, file.lfs?.size ?? file.size);
    } catch (error) {
      // An LFS file whose bytes this repository may not serve, or that never arrived: skip it.
      if (error instanceof AppError && error.code === "not_found") continue;
      throw error;
    }
    if (!header) continue;
    safetensors ??= { parameters: {}, total: 0 };
    for (const [dtype, count] of Object.entries(countParameters(header))) {
      safetensors.parameters[dtype] = (safetensors.parameters[dtype] ?? 0) + count;
      safetensors.total += count;
    }
  }
  const facts = {
    safetensors,
    sizeBytes: files.reduce((sum, f) => sum + (f.lfs?.size ?? f.size), 0),
  };
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, facts);
  return facts;
}

/** The HF API's `safetensors` field of model info. */
export async function loadSafetensorsInfo(
  repo: RepoRef,
  commit: string,
): Promise<SafetensorsInfo | null> {
  return (await loadWeightsFacts(repo, commit)).safetensors;
}

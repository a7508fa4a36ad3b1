"use client";

import type { RepoRef } from "@/lib/hub/types";
import { useRef, useState } from "react";

import type { PickedFile } from "./dropped-files";
import { discardStaged, UploadError, uploadFile } from "./upload-client";

export type QueueItem = PickedFile & {
  key: string;
  loaded: number;
  status: "waiting" | "uploading" | "done" | "failed";
  uploadId?: string;
  error?: string;
};

/** Files uploaded at once: enough to hide per-request latency, few enough to show steady progress. */
const parallelUploads = 3;

let nextKey = 0;

/** Why the uploads stopped: one file failed (`reason` "network" when the connection broke). */
export class FailedUpload extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * The list of picked files and their uploads: per-file progress, cancel (aborts every request and
 * drops what was staged), and retry (files already staged are not sent again).
 */
export function useUploadQueue(repo: RepoRef) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const controller = useRef<AbortController | null>(null);

  const update = (key: string, change: Partial<QueueItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const add = (picked: PickedFile[]) =>
    setItems((list) => {
      // A path picked again replaces the earlier file.
      const byPath = new Map(list.map((item) => [item.path, item]));
      for (const p of picked)
        byPath.set(p.path, { ...p, key: `f${nextKey++}`, loaded: 0, status: "waiting" });
      return [...byPath.values()];
    });

  const remove = (key: string) => setItems((list) => list.filter((item) => item.key !== key));
  const clear = () => setItems([]);

  /** Uploads every file not staged yet; resolves with the upload id of each file, in list order. */
  async function uploadAll(current: QueueItem[]): Promise<Map<string, string>> {
    const abort = new AbortController();
    controller.current = abort;
    const ids = new Map(current.filter((i) => i.uploadId).map((i) => [i.key, i.uploadId!]));
    const pending = current.filter((i) => !i.uploadId);
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        const item = pending[next++]!;
        update(item.key, { status: "uploading", loaded: 0, error: undefined });
        try {
          const staged = await uploadFile(
            repo,
            item.file,
            (loaded) => update(item.key, { loaded }),
            abort.signal,
          );
          ids.set(item.key, staged.id);
          update(item.key, { status: "done", uploadId: staged.id, loaded: item.file.size });
        } catch (error) {
          if (abort.signal.aborted) throw error;
          const reason =
            error instanceof UploadError
              ? error.status === 0
                ? "network"
                : error.message
              : String(error);
          update(item.key, { status: "failed", error: reason });
          abort.abort();
          throw new FailedUpload(item.path, reason);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(parallelUploads, pending.length) }, worker));
    } finally {
      controller.current = null;
    }
    return ids;
  }

  /** Stops every upload and drops the files already staged. */
  function cancel() {
    controller.current?.abort();
    setItems((list) => {
      discardStaged(
        repo,
        list.flatMap((item) => (item.uploadId ? [item.uploadId] : [])),
      );
      return list.map((item) => ({
        ...item,
        loaded: 0,
        status: "waiting" as const,
        uploadId: undefined,
        error: undefined,
      }));
    });
  }

  return { items, add, remove, clear, uploadAll, cancel, markCommitted: clear };
}

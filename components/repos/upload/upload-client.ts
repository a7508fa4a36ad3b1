// Browser side of staging: each file is sent as the raw body of one request, with progress events.
import type { RepoRef } from "@/lib/hub/types";
import type { StagedUploadInfo } from "@/lib/repos/uploads/stage";
import { repoApiHref } from "@/lib/repos/urls";

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Uploads one file with XMLHttpRequest (fetch has no upload progress): the browser streams the
 * file from disk, so memory stays flat on both sides. Resolves with the staged upload's id.
 */
export function uploadFile(
  repo: RepoRef,
  file: Blob,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<StagedUploadInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", repoApiHref(repo, "uploads"));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      const body = xhr.response as (StagedUploadInfo & { error?: string }) | null;
      if (xhr.status === 201 && body?.id) {
        onProgress(file.size);
        resolve(body);
      } else
        reject(new UploadError(body?.error ?? `The server answered ${xhr.status}.`, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError("network", 0));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    if (signal.aborted) xhr.abort();
    else xhr.send(file);
  });
}

/** Drops staged uploads the user gave up on (best effort: they also expire on their own). */
export function discardStaged(repo: RepoRef, ids: string[]): void {
  if (ids.length === 0) return;
  void fetch(repoApiHref(repo, "uploads"), {
    method: "DELETE",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ids }),
    keepalive: true,
  }).catch(() => undefined);
}

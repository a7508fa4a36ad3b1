"use client";

import { useStrings } from "@/components/i18n/locale-provider";
import { formatBytes } from "@/lib/format";

import { uploadStrings } from "../upload-strings";
import type { QueueItem } from "./use-upload-queue";

function percent(loaded: number, total: number): number {
  return total === 0 ? 100 : Math.min(100, Math.round((loaded / total) * 100));
}

/** Picked files with their target path, size, status and progress, plus the overall progress. */
export function UploadList({
  items,
  folder,
  busy,
  onRemove,
  replace,
}: {
  items: QueueItem[];
  folder: string;
  busy: boolean;
  onRemove: (key: string) => void;
  /** Which target paths exist, and the per-file choice to replace them. */
  replace?: {
    existing: ReadonlySet<string>;
    replacing: ReadonlySet<string>;
    onChange: (key: string, replace: boolean) => void;
  };
}) {
  const s = useStrings(uploadStrings);
  const total = items.reduce((sum, item) => sum + item.file.size, 0);
  const loaded = items.reduce((sum, item) => sum + item.loaded, 0);
  const overall = percent(loaded, total);
  const statusText = { waiting: s.waiting, uploading: "", done: s.done, failed: s.failed };
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-sm">
        <span className="shrink-0">{s.selected(items.length, formatBytes(total))}</span>
        <progress
          className="accent-brand h-2 min-w-0 flex-1"
          max={100}
          value={overall}
          aria-label={s.overall}
          data-testid="overall-progress"
          data-loaded={loaded}
        />
        <span className="w-10 text-right tabular-nums">{overall}%</span>
      </div>
      <ul className="max-h-80 divide-y overflow-y-auto rounded-md border" data-testid="upload-list">
        {items.map((item) => {
          const path = folder ? `${folder}/${item.path}` : item.path;
          return (
            <li
              key={item.key}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
              data-testid="upload-item"
              data-path={path}
            >
              <span className="min-w-0 flex-1 truncate font-mono text-xs" title={path}>
                {path}
              </span>
              {replace?.existing.has(path) ? (
                <label className="flex items-center gap-1.5 text-xs" data-testid="replace-choice">
                  <span className="bg-warning/15 text-warning rounded px-1.5 py-0.5 font-medium">
                    {s.exists}
                  </span>
                  <input
                    type="checkbox"
                    checked={replace.replacing.has(item.key)}
                    onChange={(e) => replace.onChange(item.key, e.target.checked)}
                    disabled={busy}
                    aria-label={s.replaceFile(path)}
                  />
                  {s.replace}
                </label>
              ) : null}
              <span className="text-muted-foreground tabular-nums">
                {formatBytes(item.file.size)}
              </span>
              <progress
                className="accent-brand h-1.5 w-24"
                max={100}
                value={percent(item.loaded, item.file.size)}
                aria-label={s.fileProgress(path)}
              />
              <span
                className={
                  item.status === "failed" ? "text-danger w-16" : "text-muted-foreground w-16"
                }
                title={item.error}
              >
                {item.status === "uploading"
                  ? `${percent(item.loaded, item.file.size)}%`
                  : statusText[item.status]}
              </span>
              {!busy && item.status !== "done" ? (
                <button
                  type="button"
                  className="text-muted-foreground hover:text-danger"
                  aria-label={s.remove(path)}
                  onClick={() => onRemove(item.key)}
                >
                  ×
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

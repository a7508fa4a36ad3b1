import Link from "next/link";

import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { pageRows, previewDataset } from "@/lib/datasets/viewer/dataset-preview";
import type { RepoRef } from "@/lib/hub/types";
import { getStrings } from "@/lib/i18n/server";
import { repoHref } from "@/lib/repos/urls";

import { tryPreview } from "./preview-error";
import { RowsTable } from "./rows-table";
import { datasetViewerStrings } from "./strings";

function viewerHref(repo: RepoRef, split: string, offset: number): string {
  const query = new URLSearchParams({ split });
  if (offset > 0) query.set("offset", String(offset));
  return `${repoHref(repo)}?${query}#viewer`;
}

/**
 * The first rows of a dataset's data files on its page, with a split picker and pages. Renders
 * nothing when the dataset has no data files the viewer reads.
 */
export async function DatasetViewer({
  repo,
  commit,
  split,
  offset,
}: {
  repo: RepoRef;
  commit: string;
  split?: string;
  offset: number;
}) {
  const s = await getStrings(datasetViewerStrings);
  const preview = await tryPreview(() => previewDataset(repo, commit, { split, offset }));
  if (preview === null) return null;
  return (
    <section id="viewer" aria-labelledby="viewer-title" className="max-w-full min-w-0">
      <h2 id="viewer-title" className="mb-2 text-lg font-semibold">
        {s.title}
      </h2>
      <Card className="overflow-hidden" data-testid="dataset-viewer">
        {"error" in preview ? (
          <p className="text-muted-foreground p-4 text-sm">{preview.error}</p>
        ) : (
          <>
            <nav aria-label={s.splits} className="flex flex-wrap gap-2 border-b p-3">
              {preview.splits.map((option) => {
                const current = option.split === preview.split;
                return (
                  <Link
                    key={option.split}
                    href={viewerHref(repo, option.split, 0)}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "rounded-md border px-2.5 py-1 text-sm",
                      current ? "border-brand bg-brand/10 text-brand" : "hover:bg-subtle",
                    )}
                    data-testid="split-link"
                  >
                    {s.split(option.split)}{" "}
                    <span className="text-muted-foreground text-xs">{s.files(option.files)}</span>
                  </Link>
                );
              })}
            </nav>
            <RowsTable
              page={preview.page}
              offset={preview.offset}
              pageRows={pageRows}
              hrefFor={(n) => viewerHref(repo, preview.split, n)}
            />
          </>
        )}
      </Card>
    </section>
  );
}

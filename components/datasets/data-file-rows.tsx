import { Card } from "@/components/ui/card";
import { pageRows, previewDataFile } from "@/lib/datasets/viewer/dataset-preview";
import type { RepoRef, TreeEntry } from "@/lib/hub/types";
import { getStrings } from "@/lib/i18n/server";
import { blobHref } from "@/lib/repos/urls";

import { tryPreview } from "./preview-error";
import { RowsTable } from "./rows-table";
import { datasetViewerStrings } from "./strings";

/** The rows of one data file (CSV, TSV, JSON Lines, Parquet) on its file page; nothing for other files. */
export async function DataFileRows({
  repo,
  rev,
  commit,
  entry,
  offset,
}: {
  repo: RepoRef;
  rev: string;
  commit: string;
  entry: TreeEntry;
  offset: number;
}) {
  const s = await getStrings(datasetViewerStrings);
  const page = await tryPreview(() => previewDataFile(repo, commit, entry, offset));
  if (page === null) return null;
  const hrefFor = (n: number) =>
    `${blobHref(repo, rev, entry.path)}${n > 0 ? `?offset=${n}` : ""}#viewer`;
  return (
    <section id="viewer" aria-label={s.title}>
      <Card className="overflow-hidden" data-testid="dataset-viewer">
        {"error" in page ? (
          <p className="text-muted-foreground p-4 text-sm">{page.error}</p>
        ) : (
          <RowsTable page={page} offset={offset} pageRows={pageRows} hrefFor={hrefFor} />
        )}
      </Card>
    </section>
  );
}

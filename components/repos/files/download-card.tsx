import { ButtonLink } from "@/components/ui/button";
import { formatBytes } from "@/lib/format";
import type { TreeEntry } from "@/lib/hub";
import { getStrings } from "@/lib/i18n/server";

import { fileStrings } from "../file-strings";

/** What a file too large or too binary to show gets instead: its size, LFS id and a download button. */
export async function DownloadCard({
  entry,
  reason,
  downloadHref,
}: {
  entry: TreeEntry;
  reason: "binary" | "too_large";
  downloadHref: string;
}) {
  const s = await getStrings(fileStrings);
  return (
    <div className="space-y-3 px-6 py-10 text-center" data-testid="download-card">
      <p className="font-medium">
        {reason === "binary" ? s.binary : s.tooLarge(formatBytes(entry.size))}
      </p>
      <p className="text-muted-foreground text-sm">{s.downloadHint}</p>
      {entry.lfs ? (
        <p className="text-muted-foreground font-mono text-xs break-all">
          {s.lfsPointer(entry.lfs.oid)}
        </p>
      ) : null}
      <ButtonLink href={downloadHref} download={entry.name}>
        {s.download} ({formatBytes(entry.size)})
      </ButtonLink>
    </div>
  );
}

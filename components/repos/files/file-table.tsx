import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatBytes, formatRelative } from "@/lib/format";
import type { RepoRef } from "@/lib/hub/types";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { blobHref, commitHref, treeHref } from "@/lib/repos/urls";
import type { EntryView } from "@/lib/repos/view/file-views";

import { fileStrings } from "../file-strings";
import { FileIcon, FolderIcon } from "../icons";

/** A folder's entries, folders first: name (with an LFS badge), size, last commit and when. */
export async function FileTable({
  repo,
  rev,
  entries,
}: {
  repo: RepoRef;
  rev: string;
  entries: EntryView[];
}) {
  const [s, locale] = await Promise.all([getStrings(fileStrings), getLocale()]);
  return (
    <table className="w-full table-fixed text-sm" data-testid="file-table">
      <caption className="sr-only">{s.files}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{s.name}</th>
          <th scope="col">{s.size}</th>
          <th scope="col">{s.lastCommit}</th>
          <th scope="col">{s.updated}</th>
        </tr>
      </thead>
      <tbody className="divide-y">
        {entries.map((entry) => {
          const folder = entry.type === "directory";
          return (
            <tr
              key={entry.path}
              data-testid="file-row"
              data-path={entry.path}
              className="hover:bg-subtle"
            >
              <td className="w-full py-2 pl-4 sm:w-1/2 lg:w-2/5">
                <span className="flex min-w-0 items-center gap-2">
                  {folder ? (
                    <FolderIcon className="text-brand/70 shrink-0" />
                  ) : (
                    <FileIcon className="text-muted-foreground shrink-0" />
                  )}
                  <Link
                    href={
                      folder ? treeHref(repo, rev, entry.path) : blobHref(repo, rev, entry.path)
                    }
                    className="hover:text-brand truncate hover:underline"
                    aria-label={folder ? `${s.folder} ${entry.name}` : entry.name}
                  >
                    {entry.name}
                  </Link>
                  {entry.lfs ? (
                    <Badge tone="brand" title={s.lfsHint} data-testid="lfs-badge">
                      {s.lfs}
                    </Badge>
                  ) : null}
                </span>
              </td>
              <td className="text-muted-foreground hidden w-24 py-2 pr-4 text-right tabular-nums sm:table-cell">
                {folder ? "" : formatBytes(entry.size)}
              </td>
              <td className="text-muted-foreground hidden truncate py-2 pr-4 lg:table-cell">
                {entry.lastCommit ? (
                  <Link
                    href={commitHref(repo, entry.lastCommit.id)}
                    className="hover:text-brand hover:underline"
                    title={entry.lastCommit.title}
                  >
                    {entry.lastCommit.title}
                  </Link>
                ) : null}
              </td>
              <td className="text-muted-foreground hidden w-32 py-2 pr-4 text-right md:table-cell">
                {entry.lastCommit ? (
                  <time dateTime={entry.lastCommit.date}>
                    {formatRelative(entry.lastCommit.date, locale)}
                  </time>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

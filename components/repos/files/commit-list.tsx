import Link from "next/link";

import { CopyButton } from "@/components/ui/copy-button";
import { formatRelative } from "@/lib/format";
import type { CommitSummary } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { commitHref, treeHref } from "@/lib/repos/urls";

import { fileStrings } from "../file-strings";

/** Commits, newest first: title, author, time, short id (copyable) and a link to browse that version. */
export async function CommitList({ repo, commits }: { repo: RepoRef; commits: CommitSummary[] }) {
  const [s, locale] = await Promise.all([getStrings(fileStrings), getLocale()]);
  return (
    <ol className="divide-y rounded-lg border" data-testid="commit-list">
      {commits.map((commit) => (
        <li
          key={commit.id}
          className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3"
          data-testid="commit-row"
        >
          <div className="min-w-0 flex-1">
            <Link
              href={commitHref(repo, commit.id)}
              className="hover:text-brand block truncate font-medium hover:underline"
            >
              {commit.title}
            </Link>
            <p className="text-muted-foreground text-xs">
              {s.authoredOn(commit.author.name, formatRelative(commit.author.date, locale))}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <Link
              href={commitHref(repo, commit.id)}
              className="text-muted-foreground hover:text-brand font-mono text-xs"
            >
              {commit.id.slice(0, 7)}
            </Link>
            <CopyButton text={commit.id} label={s.copySha} />
            <Link
              href={treeHref(repo, commit.id)}
              className="text-brand text-xs hover:underline"
              aria-label={`${s.browseFiles} ${commit.id.slice(0, 7)}`}
            >
              {s.browseFiles}
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}

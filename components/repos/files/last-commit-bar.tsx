import Link from "next/link";

import { formatRelative } from "@/lib/format";
import type { LastCommit } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getLocale } from "@/lib/i18n/server";
import { commitHref } from "@/lib/repos/urls";

/** The newest commit of a folder or file: who, what and when, linking to the commit. */
export async function LastCommitBar({
  repo,
  commit,
}: {
  repo: RepoRef;
  commit: LastCommit | null;
}) {
  if (!commit) return null;
  const locale = await getLocale();
  return (
    <div className="bg-subtle flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-2 text-sm">
      <span className="font-medium">{commit.authorName}</span>
      <Link
        href={commitHref(repo, commit.id)}
        className="hover:text-brand min-w-0 flex-1 truncate hover:underline"
      >
        {commit.title}
      </Link>
      <Link
        href={commitHref(repo, commit.id)}
        className="text-muted-foreground hover:text-brand font-mono text-xs"
      >
        {commit.id.slice(0, 7)}
      </Link>
      <time dateTime={commit.date} className="text-muted-foreground">
        {formatRelative(commit.date, locale)}
      </time>
    </div>
  );
}

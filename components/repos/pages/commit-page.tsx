import Link from "next/link";
import { notFound } from "next/navigation";

import { ButtonLink } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { RepoType } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/format";
import { orNotFound } from "@/lib/http/or-not-found";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { segmentText } from "@/lib/repos/http/params";
import { commitHref, treeHref } from "@/lib/repos/urls";
import { loadCommitDiff } from "@/lib/repos/view/history-views";

import { fileStrings } from "../file-strings";
import { DiffView } from "../files/diff-view";

export type CommitParams = Promise<{ owner: string; name: string; sha: string }>;

/** One commit: message, author, parents, and every changed file with its diff. */
export async function CommitPage({ type, params }: { type: RepoType; params: CommitParams }) {
  const p = await params;
  const sha = segmentText(p.sha);
  if (!/^[0-9a-f]{7,64}$/.test(sha)) notFound();
  const { view, diff } = await orNotFound(
    loadCommitDiff({ type, owner: segmentText(p.owner), name: segmentText(p.name), sha }),
  );
  const [s, locale] = await Promise.all([getStrings(fileStrings), getLocale()]);
  const repo = { type, owner: view.owner, name: view.name };
  const { commit } = diff;
  const body = commit.message.slice(commit.title.length).trim();
  return (
    <div className="space-y-5">
      <div className="rounded-lg border p-4">
        <div className="flex flex-wrap items-start gap-3">
          <h2 className="min-w-0 flex-1 text-lg font-semibold break-words">{commit.title}</h2>
          <ButtonLink href={treeHref(repo, commit.id)} variant="secondary" size="sm">
            {s.browseFiles}
          </ButtonLink>
        </div>
        {body ? (
          <pre className="text-muted-foreground mt-2 font-sans text-sm whitespace-pre-wrap">
            {body}
          </pre>
        ) : null}
        <div className="text-muted-foreground mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span>
            {s.authoredOn(commit.author.name, formatDateTime(commit.author.date, locale))}
          </span>
          <span className="flex items-center gap-2">
            <code className="font-mono text-xs" data-testid="commit-sha">
              {commit.id}
            </code>
            <CopyButton text={commit.id} label={s.copySha} />
          </span>
          <span>
            {commit.parents.length === 0
              ? s.rootCommit
              : `${commit.parents.length > 1 ? s.parents : s.parent}: `}
            {commit.parents.map((parent, i) => (
              <span key={parent}>
                {i > 0 ? ", " : null}
                <Link
                  href={commitHref(repo, parent)}
                  className="text-brand font-mono text-xs hover:underline"
                >
                  {parent.slice(0, 7)}
                </Link>
              </span>
            ))}
          </span>
        </div>
      </div>
      <p className="text-sm">
        {s.changedFiles(diff.stats.files, diff.stats.additions, diff.stats.deletions)}
      </p>
      {diff.filesTruncated ? (
        <p className="text-warning text-sm">{s.filesTruncated(diff.files.length)}</p>
      ) : null}
      <div className="space-y-4">
        {diff.files.map((file) => (
          <DiffView key={file.path} repo={repo} commit={commit.id} file={file} />
        ))}
      </div>
    </div>
  );
}

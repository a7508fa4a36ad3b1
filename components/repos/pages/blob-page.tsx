import { redirect } from "next/navigation";

import { DataFileRows } from "@/components/datasets/data-file-rows";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RepoType } from "@/db/schema/enums";
import { viewerOffset } from "@/lib/datasets/viewer/dataset-preview";
import { formatBytes } from "@/lib/format";
import { orNotFound } from "@/lib/http/or-not-found";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { splitFrontMatter } from "@/lib/hub/card/front-matter";
import { getStrings } from "@/lib/i18n/server";
import { pathText, segmentText } from "@/lib/repos/http/params";
import {
  blobHref,
  commitsHref,
  editHref,
  refsHref,
  repoHref,
  resolveHref,
  treeHref,
} from "@/lib/repos/urls";
import { loadBlob } from "@/lib/repos/view/file-views";

import { fileStrings } from "../file-strings";
import { Breadcrumbs } from "../files/breadcrumbs";
import { CodeView } from "../files/code-view";
import { DownloadCard } from "../files/download-card";
import { LastCommitBar } from "../files/last-commit-bar";
import { RefSwitcher } from "../files/ref-switcher";
import { MarkdownView } from "../markdown-view";
import { DeletePathButton } from "../upload/delete-path-button";
import type { TreeParams } from "./tree-page";

/** A markdown file's YAML front matter is shown as a YAML code block, not as paragraphs of text. */
function withFrontMatterAsCode(text: string): string {
  const { yaml, body } = splitFrontMatter(text);
  return yaml === null ? text : `\`\`\`yaml\n${yaml.replace(/`{3,}/g, "")}\n\`\`\`\n\n${body}`;
}

/**
 * One file at a revision: highlighted text, rendered markdown, an image, or a download card; a data
 * file (CSV, TSV, JSON Lines, Parquet) also as a table of its rows.
 */
export async function BlobPage({
  type,
  params,
  searchParams,
}: {
  type: RepoType;
  params: TreeParams;
  searchParams: SearchParams;
}) {
  const p = await params;
  const input = {
    type,
    owner: segmentText(p.owner),
    name: segmentText(p.name),
    rev: segmentText(p.rev),
    path: pathText(p.path),
  };
  const blob = await orNotFound(loadBlob(input));
  const repo = { type, owner: input.owner, name: input.name };
  if (!blob) redirect(treeHref(repo, input.rev, input.path));
  const s = await getStrings(fileStrings);
  const { entry, display, revision } = blob;
  const canonical = { type, owner: blob.view.owner, name: blob.view.name };
  const raw = resolveHref(canonical, revision.commit, entry.path);
  const download = resolveHref(canonical, revision.commit, entry.path, true);
  const dir = entry.path.includes("/") ? entry.path.slice(0, entry.path.lastIndexOf("/")) : "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <RefSwitcher
          revision={revision}
          refs={blob.refs}
          hrefFor={(rev) => blobHref(canonical, rev, entry.path)}
          manageHref={refsHref(canonical, input.rev)}
        />
        <Breadcrumbs repo={canonical} rev={input.rev} path={entry.path} />
      </div>
      <DataFileRows
        repo={canonical}
        rev={input.rev}
        commit={revision.commit}
        entry={entry}
        offset={viewerOffset(firstParam((await searchParams).offset))}
      />
      <Card className="overflow-hidden">
        <LastCommitBar repo={canonical} commit={blob.lastCommit} />
        <div className="flex flex-wrap items-center gap-2 border-b px-4 py-2 text-sm">
          <span className="text-muted-foreground tabular-nums">{formatBytes(entry.size)}</span>
          {display.kind === "text" ? (
            <span className="text-muted-foreground">· {s.lines(display.lines)}</span>
          ) : null}
          {entry.lfs ? (
            <Badge tone="brand" title={s.lfsHint} data-testid="lfs-badge">
              {s.lfs}
            </Badge>
          ) : null}
          <div className="ml-auto flex flex-wrap gap-2">
            <ButtonLink
              href={commitsHref(canonical, input.rev, entry.path)}
              variant="ghost"
              size="sm"
            >
              {s.history}
            </ButtonLink>
            <ButtonLink href={raw} variant="secondary" size="sm" prefetch={false} target="_blank">
              {s.raw}
            </ButtonLink>
            <ButtonLink
              href={download}
              variant="secondary"
              size="sm"
              prefetch={false}
              download={entry.name}
              data-testid="download-link"
            >
              {s.download}
            </ButtonLink>
            {blob.editable && revision.branch ? (
              <ButtonLink
                href={editHref(canonical, revision.branch, entry.path)}
                variant="secondary"
                size="sm"
              >
                {s.edit}
              </ButtonLink>
            ) : null}
            {blob.view.canWrite && revision.branch ? (
              <DeletePathButton
                repo={canonical}
                branch={revision.branch}
                parentCommit={revision.commit}
                path={entry.path}
                after={treeHref(canonical, revision.branch, dir)}
              />
            ) : null}
          </div>
        </div>
        {display.kind === "markdown" ? (
          <div className="p-6">
            <MarkdownView
              source={withFrontMatterAsCode(display.text)}
              base={{ repoPath: repoHref(canonical), rev: input.rev, dir }}
            />
          </div>
        ) : display.kind === "text" ? (
          <CodeView text={display.text} highlighted={display.highlighted} lines={display.lines} />
        ) : display.kind === "image" ? (
          <div className="bg-subtle flex justify-center p-6">
            {/* eslint-disable-next-line @next/next/no-img-element -- user files are served as they are, not optimised */}
            <img
              src={raw}
              alt={entry.name}
              className="max-h-[70vh] max-w-full"
              data-testid="image-view"
            />
          </div>
        ) : (
          <DownloadCard entry={entry} reason={display.kind} downloadHref={download} />
        )}
      </Card>
    </div>
  );
}

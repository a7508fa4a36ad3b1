"use client";

import dynamic from "next/dynamic";
import Link from "next/link";

import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatRelative } from "@/lib/format";
import type { RepoSummary } from "@/lib/repos/list/summary";
import { repoHref } from "@/lib/repos/urls";

import { taskLabel } from "../labels";
import { repoStrings } from "../strings";
import { TagChips } from "./tag-chips";

// Only Space lists (and mixed lists with a Space) download the Space card and its strings.
const SpaceCardItem = dynamic(() => import("./space-card-item").then((m) => m.SpaceCardItem));

/**
 * One repository in a list: owner/name, task, frameworks, hardware, tags, when, downloads and
 * likes. A Space shows its own card instead.
 */
export function RepoCardItem({ repo }: { repo: RepoSummary }) {
  const s = useStrings(repoStrings);
  const locale = useLocale();
  if (repo.space) return <SpaceCardItem repo={repo} space={repo.space} />;
  return (
    <article
      className="bg-card hover:border-brand/60 relative rounded-lg border p-4 transition-colors"
      data-testid="repo-card-item"
      data-repo={`${repo.owner}/${repo.name}`}
    >
      <h3 className="flex min-w-0 items-center gap-2 font-medium">
        <Avatar name={repo.owner} size={20} />
        <Link
          href={repoHref(repo)}
          className="hover:text-brand truncate after:absolute after:inset-0"
        >
          {repo.owner}/{repo.name}
        </Link>
        {repo.isPrivate ? <Badge tone="warning">{s.private}</Badge> : null}
      </h3>
      {repo.description ? (
        <p className="text-muted-foreground mt-1 line-clamp-2 text-sm">{repo.description}</p>
      ) : null}
      <p className="text-muted-foreground mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {repo.task ? (
          <span className="text-foreground font-medium">{taskLabel(repo.task, locale)}</span>
        ) : null}
        {[...repo.frameworks, ...repo.hardware].map((label) => (
          <Badge key={label}>{label}</Badge>
        ))}
        {repo.ciPassed.map((hardware) => (
          <Badge
            key={`ci-${hardware}`}
            tone="success"
            title={s.ciMarkHint[hardware]}
            data-testid="ci-passed-mark"
          >
            {s.ciMark[hardware]}
          </Badge>
        ))}
        <time dateTime={repo.updatedAt} suppressHydrationWarning>
          {s.updated(formatRelative(repo.updatedAt, locale))}
        </time>
        <span title={s.downloadsLabel}>⬇ {formatCount(repo.downloads, locale)}</span>
        <span title={s.likesLabel(repo.likes)}>♡ {formatCount(repo.likes, locale)}</span>
      </p>
      <TagChips type={repo.type} tags={repo.tags} className="mt-2" />
    </article>
  );
}

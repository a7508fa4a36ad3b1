"use client";

import Link from "next/link";

import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatRelative } from "@/lib/format";
import type { RepoSummary } from "@/lib/repos/list/summary";
import { repoHref } from "@/lib/repos/urls";

import { SpaceBuildBadge } from "../space-build-badge";
import { spaceAppStrings } from "../space-strings";
import { repoStrings } from "../strings";
import { TagChips } from "./tag-chips";

// The card colours a Space may name (`spaceColors`); anything else falls back to gray.
const colors: Record<string, string> = {
  red: "#f87171",
  yellow: "#facc15",
  green: "#4ade80",
  blue: "#60a5fa",
  indigo: "#818cf8",
  purple: "#c084fc",
  pink: "#f472b6",
  gray: "#9ca3af",
};

const colorOf = (name: string | null) => colors[name?.toLowerCase() ?? ""] ?? colors.gray!;

/** One Space in a list: its emoji on its card's gradient, title, short description and build. */
export function SpaceCardItem({
  repo,
  space,
}: {
  repo: RepoSummary;
  space: NonNullable<RepoSummary["space"]>;
}) {
  const s = useStrings(repoStrings);
  const a = useStrings(spaceAppStrings);
  const locale = useLocale();
  return (
    <article
      className="relative h-full overflow-hidden rounded-lg border text-white transition-shadow hover:shadow-md"
      style={{
        backgroundImage: `linear-gradient(135deg, ${colorOf(space.colorFrom)}, ${colorOf(space.colorTo)})`,
      }}
      data-testid="repo-card-item"
      data-repo={`${repo.owner}/${repo.name}`}
    >
      <div className="flex h-full min-h-40 flex-col gap-2 bg-black/25 p-4 [text-shadow:0_1px_2px_rgb(0_0_0/0.4)]">
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {space.buildState !== "none" ? (
            <SpaceBuildBadge state={space.buildState} className="bg-white/90 [text-shadow:none]">
              {a.buildStates[space.buildState]}
            </SpaceBuildBadge>
          ) : null}
          {space.sdk ? <Badge className="bg-white/20 text-white">{space.sdk}</Badge> : null}
          {repo.isPrivate ? <Badge tone="warning">{s.private}</Badge> : null}
          <span className="ml-auto" title={s.likesLabel(repo.likes)}>
            ♡ {formatCount(repo.likes, locale)}
          </span>
        </div>
        <div className="flex flex-1 flex-col items-center justify-center text-center">
          <span aria-hidden className="text-4xl" data-testid="space-emoji">
            {space.emoji ?? "🚀"}
          </span>
          <h3 className="mt-1 line-clamp-1 text-lg font-semibold">{space.title ?? repo.name}</h3>
          {space.shortDescription ? (
            <p className="line-clamp-2 text-sm opacity-90">{space.shortDescription}</p>
          ) : null}
        </div>
        <TagChips type="space" tags={repo.tags} className="justify-center [text-shadow:none]" />
        <p className="flex items-center justify-between gap-2 text-xs opacity-90">
          <Link href={repoHref(repo)} className="truncate after:absolute after:inset-0">
            {repo.owner}/{repo.name}
          </Link>
          <time dateTime={repo.updatedAt} suppressHydrationWarning className="shrink-0">
            {s.updated(formatRelative(repo.updatedAt, locale))}
          </time>
        </p>
      </div>
    </article>
  );
}

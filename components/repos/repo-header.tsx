import Link from "next/link";

import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatRelative } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { tabsOf } from "@/lib/repos/kinds";
import { commitsHref, repoHref, settingsHref, treeHref } from "@/lib/repos/urls";
import type { RepoCard, RepoView } from "@/lib/repos/view/repo-view";

import { CiMarks } from "../model-ci/ci-marks";
import { CardChips } from "./card-chips";
import { LikeButton } from "./like-button";
import { RepoTabs, type RepoTab } from "./repo-tabs";
import { repoStrings } from "./strings";
import { UseRepoPanel } from "./use-repo-panel";

/** Name, owner, visibility, likes, downloads, the card's labels, the tabs and "Use this model". */
export async function RepoHeader({ view, card }: { view: RepoView; card: RepoCard | null }) {
  const [s, locale] = await Promise.all([getStrings(repoStrings), getLocale()]);
  const repo = { type: view.type, owner: view.owner, name: view.name };
  const base = repoHref(repo);
  const tabLinks: Record<RepoTab["id"], Omit<RepoTab, "id"> | null> = {
    card: { href: base, label: s.tabs.card[view.type] },
    files: { href: treeHref(repo, view.defaultBranch), label: s.tabs.files },
    commits: { href: commitsHref(repo, view.defaultBranch), label: s.tabs.commits },
    ci: { href: `${base}/ci`, label: s.tabs.ci },
    settings: view.canAdmin ? { href: settingsHref(repo), label: s.tabs.settings } : null,
  };
  const tabs = tabsOf(view.type).flatMap((id) => {
    const link = tabLinks[id];
    return link ? [{ id, ...link }] : [];
  });
  return (
    <header className="from-subtle to-background -mx-4 -mt-8 mb-6 border-b bg-gradient-to-b px-4 pt-6">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-2">
        <Link
          href={`/${view.owner}`}
          className="text-muted-foreground hover:text-brand flex items-center gap-2"
        >
          <Avatar name={view.owner} kind={view.ownerKind} size={24} />
          <span className="text-lg">{view.owner}</span>
        </Link>
        <span aria-hidden className="text-muted-foreground text-lg">
          /
        </span>
        <h1 className="text-lg font-semibold break-all" data-testid="repo-title">
          <Link href={base} className="hover:text-brand">
            {view.name}
          </Link>
        </h1>
        {view.isPrivate ? (
          <Badge tone="warning" data-testid="private-badge">
            {s.private}
          </Badge>
        ) : null}
        <LikeButton
          type={view.type}
          owner={view.owner}
          name={view.name}
          likes={view.likes}
          liked={view.liked}
          signedIn={view.signedIn}
          loginHref={`/login?callbackUrl=${encodeURIComponent(base)}`}
        />
      </div>
      <p className="text-muted-foreground mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span title={s.downloadsLabel} data-testid="download-count">
          ⬇ {s.downloads(view.downloads, formatCount(view.downloads, locale))}
        </span>
        <span>{s.updated(formatRelative(view.updatedAt, locale))}</span>
      </p>
      {view.description ? <p className="mt-2 max-w-3xl text-sm">{view.description}</p> : null}
      {view.type === "model" ? <CiMarks owner={view.owner} name={view.name} /> : null}
      {card ? (
        <div className="mt-3">
          <CardChips type={view.type} metadata={card.metadata} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-col-reverse gap-3 sm:flex-row sm:items-end sm:justify-between">
        <RepoTabs base={base} tabs={tabs} label={s.repoTabs} />
        {card ? (
          <div className="pb-2">
            <UseRepoPanel repo={repo} metadata={card.metadata} />
          </div>
        ) : null}
      </div>
    </header>
  );
}

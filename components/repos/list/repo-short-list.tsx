import Link from "next/link";

import type { RepoSummary } from "@/lib/repos/list/summary";

import { RepoCardItem } from "./repo-card-item";

/** A titled handful of repositories with a link to the full list (home and profile pages). */
export function RepoShortList({
  title,
  items,
  more,
  testId,
}: {
  title: string;
  items: RepoSummary[];
  more?: { href: string; label: string };
  testId?: string;
}) {
  return (
    <section data-testid={testId}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">{title}</h2>
        {more ? (
          <Link href={more.href} className="text-brand text-sm hover:underline">
            {more.label}
          </Link>
        ) : null}
      </div>
      <ul className="space-y-2">
        {items.map((repo) => (
          <li key={`${repo.owner}/${repo.name}`}>
            <RepoCardItem repo={repo} />
          </li>
        ))}
      </ul>
    </section>
  );
}

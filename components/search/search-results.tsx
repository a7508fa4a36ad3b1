import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { PageHeading } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { getStrings } from "@/lib/i18n/server";
import { searchHref, type SearchGroup, type SearchType } from "@/lib/search/search-types";

import { PageLinks } from "../repos/files/page-links";
import { searchStrings } from "./strings";

type Results = {
  q: string;
  type: SearchType | null;
  page: number;
  pageSize: number;
  groups: SearchGroup[];
} | null;

/** The full results of a search: a switch between all types and one, then the groups. */
export async function SearchResults({ results }: { results: Results }) {
  const s = await getStrings(searchStrings);
  if (!results) {
    return (
      <div>
        <PageHeading title={s.title} />
        <EmptyState title={s.typeToSearch} />
      </div>
    );
  }
  const { q, type, page, pageSize, groups } = results;
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  const shown = groups.filter((g) => (type ? g.type === type : g.hits.length > 0));
  const tabs: [SearchType | null, string, number][] = [
    [null, s.all, total],
    ...groups.map((g): [SearchType, string, number] => [g.type, s.groups[g.type], g.total]),
  ];
  return (
    <div>
      <PageHeading title={s.resultsFor(q)} />
      <nav aria-label={s.types} className="mb-6 flex flex-wrap gap-1 border-b pb-2">
        {tabs.map(([t, label, count]) => (
          <Link
            key={t ?? "all"}
            href={searchHref(q, t ?? undefined)}
            aria-current={t === type ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              t === type ? "bg-muted" : "text-muted-foreground hover:bg-muted",
            )}
          >
            {label} <span className="text-muted-foreground text-xs">{count}</span>
          </Link>
        ))}
      </nav>
      {shown.every((g) => g.hits.length === 0) ? <EmptyState title={s.noResults} /> : null}
      <div className="space-y-8">
        {shown.map((group) =>
          group.hits.length ? (
            <section key={group.type} aria-labelledby={`results-${group.type}`}>
              <h2 id={`results-${group.type}`} className="mb-2 text-lg font-semibold">
                {s.groups[group.type]}
              </h2>
              <ul className="divide-y rounded-md border" data-testid={`results-${group.type}`}>
                {group.hits.map((hit) => (
                  <li key={hit.href} className="px-4 py-2.5">
                    <Link href={hit.href} className="font-medium hover:underline">
                      {hit.title}
                    </Link>
                    {hit.isPrivate ? <Badge className="ml-2">{s.private}</Badge> : null}
                    {hit.detail ? (
                      <p className="text-muted-foreground truncate text-sm">{hit.detail}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
              {group.total > group.hits.length ? (
                type ? (
                  <div className="mt-3" data-testid="search-pages">
                    <PageLinks
                      page={page}
                      pageCount={Math.ceil(group.total / pageSize)}
                      hrefFor={(n) => searchHref(q, group.type, n)}
                      labels={s}
                    />
                  </div>
                ) : (
                  <Link
                    href={searchHref(q, group.type)}
                    className="text-brand mt-2 inline-block text-sm hover:underline"
                  >
                    {s.seeAll(group.total)}
                  </Link>
                )
              ) : null}
            </section>
          ) : null,
        )}
      </div>
    </div>
  );
}

import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { imageCategories } from "@/db/schema/image-enums";
import { getStrings } from "@/lib/i18n/server";
import type { ImageRepositorySummary } from "@/lib/images/catalog";
import {
  activeTagFilters,
  imageQueryString,
  tagFilterKeys,
  type ImageQuery,
} from "@/lib/images/filter-params";

import { imageStrings } from "./strings";

/** The repositories in sections by category; each links to its tags under the same filters. */
export async function RepositoryList({
  repositories,
  query,
}: {
  repositories: ImageRepositorySummary[];
  query: ImageQuery;
}) {
  const s = await getStrings(imageStrings);
  const filtered = activeTagFilters(query).length > 0;
  // The repository page searches tags, so only the tag filters travel with the link.
  const tagQuery = imageQueryString(Object.fromEntries(tagFilterKeys.map((k) => [k, query[k]])));
  return (
    <div className="space-y-8">
      {imageCategories.map((category) => {
        const repos = repositories.filter((r) => r.category === category);
        if (!repos.length) return null;
        return (
          <section key={category} aria-labelledby={`category-${category}`}>
            <h2 id={`category-${category}`} className="mb-3 text-lg font-semibold">
              {s.categories[category]}
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {repos.map((repo) => (
                <li key={repo.fullName}>
                  <Link
                    href={`/images/${repo.namespace}/${repo.name}${tagQuery}`}
                    className="bg-card hover:border-brand flex h-full flex-col gap-2 rounded-lg border p-4 transition-colors"
                    data-testid="image-repository"
                  >
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-sm font-semibold [overflow-wrap:anywhere]">
                        <span className="text-muted-foreground">{repo.namespace}/</span>
                        {repo.name}
                      </span>
                      {repo.visibility === "private" ? (
                        <Badge tone="warning">{s.private}</Badge>
                      ) : null}
                    </span>
                    {repo.description ? (
                      <span className="text-muted-foreground text-sm">{repo.description}</span>
                    ) : null}
                    <span className="text-muted-foreground mt-auto text-xs">
                      {filtered
                        ? s.matchingTags(repo.matchingTagCount, repo.tagCount)
                        : s.tagCount(repo.tagCount)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

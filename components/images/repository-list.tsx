import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { imageCategories } from "@/db/schema/image-enums";
import { getStrings } from "@/lib/i18n/server";
import type { ImageRepositorySummary } from "@/lib/images/catalog/catalog";
import {
  activeTagFilters,
  imageQueryString,
  tagFilterKeys,
  type ImageQuery,
} from "@/lib/images/stack/filter-params";

import { imageStrings } from "./strings";

/**
 * The repositories in sections by category; each links to its tags under the same filters and
 * shows how to pull it from this hub when the hub's registry holds it.
 */
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
                  {/* The whole card opens the repository (a stretched link); the pull command
                      sits above it so that it can be selected and copied. */}
                  <div
                    className="bg-card hover:border-brand relative flex h-full flex-col gap-2 rounded-lg border p-4 transition-colors"
                    data-testid="image-repository"
                  >
                    <span className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/images/${repo.namespace}/${repo.name}${tagQuery}`}
                        className="font-mono text-sm font-semibold [overflow-wrap:anywhere] after:absolute after:inset-0 after:rounded-lg"
                      >
                        <span className="text-muted-foreground">{repo.namespace}/</span>
                        {repo.name}
                      </Link>
                      {repo.visibility === "private" ? (
                        <Badge tone="warning">{s.private}</Badge>
                      ) : null}
                    </span>
                    {repo.description ? (
                      <span className="text-muted-foreground text-sm">{repo.description}</span>
                    ) : null}
                    {repo.hubPull ? (
                      <div className="relative z-10 space-y-1" data-testid="hub-pull">
                        <p className="text-muted-foreground text-xs">{s.pullHere}</p>
                        {/* Wraps instead of scrolling: a card is too narrow for a whole command. */}
                        <div className="bg-subtle flex items-start gap-2 rounded-md border p-2">
                          <code
                            className="min-w-0 flex-1 px-1 py-1 font-mono text-xs break-all"
                            data-testid="copy-text"
                          >
                            {repo.hubPull.command}
                          </code>
                          <CopyButton text={repo.hubPull.command} label={s.pullHere} />
                        </div>
                      </div>
                    ) : null}
                    <span className="text-muted-foreground mt-auto text-xs">
                      {filtered
                        ? s.matchingTags(repo.matchingTagCount, repo.tagCount)
                        : s.tagCount(repo.tagCount)}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ActiveFilters } from "@/components/images/active-filters";
import { Breadcrumbs } from "@/components/images/breadcrumbs";
import { FacetFilters } from "@/components/images/facet-filters";
import { FilterPanel } from "@/components/images/filter-panel";
import { Pagination } from "@/components/images/pagination";
import { SearchForm } from "@/components/images/search-form";
import { imageSettingsStrings } from "@/components/images/settings-strings";
import { imageStrings } from "@/components/images/strings";
import { TagsTable } from "@/components/images/tags-table";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { pageCaller } from "@/lib/auth/page-caller";
import { orNotFound } from "@/lib/http/or-not-found";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { browseImageRepository } from "@/lib/images/catalog/browse";
import { canManageImageRepository } from "@/lib/images/catalog/repository-settings";
import { parseRepositoryParams } from "@/lib/images/catalog/route-params";
import {
  activeTagFilters,
  clearTagFilters,
  imageQueryString,
  parseImageQuery,
  tagFiltersOf,
} from "@/lib/images/stack/filter-params";

type Props = { params: Promise<{ namespace: string; name: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${namespace}/${name} · Images` };
}

export default async function ImageRepositoryPage({ params, searchParams }: Props) {
  const path = parseRepositoryParams(await params) ?? notFound();
  // Categories belong to the image center's front page.
  const { category: _category, ...query } = parseImageQuery(await searchParams);
  const caller = await pageCaller();
  const [s, settings, data, canManage] = await Promise.all([
    getStrings(imageStrings),
    getStrings(imageSettingsStrings),
    orNotFound(
      browseImageRepository(caller, {
        ...path,
        filters: { ...tagFiltersOf(query), q: query.q },
        page: query.page,
      }),
    ),
    // Settings exist for repositories of this hub's registry, offered to those who may push to them.
    canManageImageRepository(caller, path),
  ]);
  const { repository } = data;
  const basePath = `/images/${repository.namespace}/${repository.name}`;
  const active = activeTagFilters(query).length;
  const filtered = active > 0 || !!query.q;

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs
          label={s.breadcrumb}
          items={[
            { label: s.imageCenter, href: "/images" },
            {
              label: s.categories[repository.category],
              href: `/images?category=${repository.category}`,
            },
            { label: repository.fullName },
          ]}
        />
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-mono text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
            <span className="text-muted-foreground">{repository.namespace}/</span>
            {repository.name}
          </h1>
          {repository.visibility === "private" ? <Badge tone="warning">{s.private}</Badge> : null}
          {canManage ? (
            <ButtonLink
              href={`${basePath}/settings`}
              data-testid="image-settings-link"
              variant="secondary"
              size="sm"
              className="ml-auto"
            >
              {settings.settings}
            </ButtonLink>
          ) : null}
        </div>
        {repository.description ? (
          <p className="text-muted-foreground mt-2 max-w-3xl">{repository.description}</p>
        ) : null}
      </div>

      <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
        <aside aria-label={s.filters}>
          <FilterPanel activeCount={active}>
            <FacetFilters facets={data.facets} query={query} basePath={basePath} />
          </FilterPanel>
        </aside>
        <section aria-labelledby="tags-heading" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="tags-heading" className="text-lg font-semibold">
              {s.tags}
            </h2>
            <p className="text-muted-foreground text-sm" data-testid="tag-count">
              {filtered
                ? s.matchingTags(repository.matchingTagCount, repository.tagCount)
                : s.tagCount(repository.tagCount)}
            </p>
          </div>
          <SearchForm
            query={query}
            basePath={basePath}
            label={s.searchTags}
            placeholder={s.searchTagsPlaceholder}
            submit={s.search}
          />
          <ActiveFilters query={query} basePath={basePath} />
          {data.tags.length ? (
            <TagsTable namespace={repository.namespace} name={repository.name} tags={data.tags} />
          ) : repository.tagCount === 0 ? (
            <EmptyState title={s.noTags} />
          ) : (
            <EmptyState
              title={s.noTagsMatch}
              description={s.noMatchHint}
              action={
                <ButtonLink
                  href={basePath + imageQueryString(clearTagFilters({ ...query, q: undefined }))}
                  variant="secondary"
                >
                  {s.clearFilters}
                </ButtonLink>
              }
            />
          )}
          <Pagination
            query={query}
            basePath={basePath}
            page={data.page}
            pageCount={data.pageCount}
          />
        </section>
      </div>
    </div>
  );
}

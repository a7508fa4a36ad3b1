import type { Metadata } from "next";

import { ActiveFilters } from "@/components/images/active-filters";
import { CategoryNav } from "@/components/images/category-nav";
import { FacetFilters } from "@/components/images/facet-filters";
import { FilterPanel } from "@/components/images/filter-panel";
import { RepositoryList } from "@/components/images/repository-list";
import { SearchForm } from "@/components/images/search-form";
import { imageStrings } from "@/components/images/strings";
import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { pageCaller } from "@/lib/auth/page-caller";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { browseImageCatalog } from "@/lib/images/catalog/browse";
import {
  activeTagFilters,
  clearTagFilters,
  imageQueryString,
  parseImageQuery,
  tagFiltersOf,
  withImageQuery,
} from "@/lib/images/stack/filter-params";

export const metadata: Metadata = { title: "Images" };

export default async function ImagesPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseImageQuery(await searchParams);
  const caller = await pageCaller();
  const [s, catalog] = await Promise.all([
    getStrings(imageStrings),
    browseImageCatalog(caller, {
      category: query.category,
      q: query.q,
      filters: tagFiltersOf(query),
    }),
  ]);
  const active = activeTagFilters(query).length;
  const catalogIsEmpty =
    !active && !query.q && Object.values(catalog.categories).every((n) => n === 0);

  return (
    <div className="space-y-6">
      <PageHeading title={s.imageCenter} description={s.lead} />
      <SearchForm
        query={query}
        basePath="/images"
        label={s.searchRepositories}
        placeholder={s.searchRepositoriesPlaceholder}
        submit={s.search}
      />
      <CategoryNav query={query} counts={catalog.categories} />
      <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
        <aside aria-label={s.filters}>
          <FilterPanel activeCount={active}>
            <FacetFilters facets={catalog.facets} query={query} basePath="/images" />
          </FilterPanel>
        </aside>
        <div className="min-w-0 space-y-4">
          <ActiveFilters query={query} basePath="/images" />
          {catalog.repositories.length ? (
            <RepositoryList repositories={catalog.repositories} query={query} />
          ) : catalogIsEmpty ? (
            <EmptyState title={s.emptyCatalog} description={s.emptyCatalogHint} />
          ) : active ? (
            <EmptyState
              title={s.noMatch}
              description={s.noMatchHint}
              action={
                <ButtonLink
                  href={`/images${imageQueryString(clearTagFilters(query))}`}
                  variant="secondary"
                >
                  {s.clearFilters}
                </ButtonLink>
              }
            />
          ) : (
            <EmptyState
              title={query.q ? s.noSearchMatch(query.q) : s.noMatch}
              action={
                <ButtonLink
                  href={`/images${imageQueryString(withImageQuery(query, { q: undefined }))}`}
                  variant="secondary"
                >
                  {s.clearSearch}
                </ButtonLink>
              }
            />
          )}
        </div>
      </div>
    </div>
  );
}

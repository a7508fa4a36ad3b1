"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState, type FormEvent } from "react";

import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import type { RepoType } from "@/db/schema/enums";
import { repoKinds, type HostedRepoType } from "@/lib/repos/kinds";
import {
  activeFacets,
  listNumberedPages,
  listQueryString,
  parseListParams,
  withListParams,
  type ListSort,
  type RepoListParams,
} from "@/lib/repos/list/list-params";
import type { RepoListPage } from "@/lib/repos/list/summary";
import { listHref, newRepoHref } from "@/lib/repos/urls";

import { facetValueLabel } from "../labels";
import { repoStrings } from "../strings";
import { FacetPanel } from "./facet-panel";
import { ListLink, ListNavigation } from "./list-link";
import { RepoCardItem } from "./repo-card-item";
import { useRepoList, type LoadedList } from "./use-repo-list";

/**
 * The list of a kind (models, datasets, Spaces). The server rendered its first page (`initial`);
 * from then on the URL is the state: links and forms push a new URL (no page load) and the page
 * for that URL is fetched from `/api/repos`, the previous results staying on screen meanwhile.
 */
export function RepoListView({
  type,
  signedIn,
  initial,
}: {
  type: HostedRepoType;
  signedIn: boolean;
  initial: LoadedList;
}) {
  const s = useStrings(repoStrings);
  const searchParams = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const list = useRepoList(type, listQueryString(params), initial);
  const navigate = useCallback((href: string) => window.history.pushState(null, "", href), []);
  const hrefOf = useCallback((next: RepoListParams) => listHref(type, next), [type]);
  const data = list.page;
  const filtered =
    activeFacets(params).length > 0 ||
    Boolean(params.search) ||
    Boolean(params.owner) ||
    Boolean(params.ci);

  return (
    <ListNavigation.Provider value={navigate}>
      <div className="space-y-5">
        <SearchBox
          key={params.search ?? ""}
          type={type}
          params={params}
          onSearch={(search) => navigate(hrefOf(withListParams(params, { search })))}
        />
        <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
          <aside aria-label={s.filters}>
            <FacetPanel type={type} params={params} facets={data.facets} hrefOf={hrefOf} />
          </aside>
          <div className="min-w-0 space-y-4" aria-busy={list.fetching}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p
                className="text-muted-foreground text-sm"
                data-testid="result-count"
                aria-live="polite"
              >
                {s.results(data.total)}
              </p>
              <label className="flex items-center gap-2 text-sm">
                <span className="text-muted-foreground shrink-0 whitespace-nowrap">{s.sort}</span>
                <Select
                  className="w-auto"
                  value={params.sort ?? "updated"}
                  onChange={(event) =>
                    navigate(
                      hrefOf(withListParams(params, { sort: event.target.value as ListSort })),
                    )
                  }
                >
                  {repoKinds[type].sorts.map((sort) => (
                    <option key={sort} value={sort}>
                      {s.sorts[sort]}
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            <ActiveFilters type={type} params={params} hrefOf={hrefOf} />
            {list.failed ? (
              <EmptyState
                title={s.loadFailed}
                action={
                  <Button variant="secondary" onClick={list.retry}>
                    {s.retry}
                  </Button>
                }
              />
            ) : data.items.length === 0 ? (
              filtered ? (
                <EmptyState
                  title={s.noMatch}
                  description={s.noMatchHint}
                  action={
                    <ListLink
                      href={hrefOf({ sort: params.sort })}
                      className="text-brand text-sm font-medium hover:underline"
                    >
                      {s.clearFilters}
                    </ListLink>
                  }
                />
              ) : (
                <EmptyState
                  title={s.emptyAll[type]}
                  description={`${s.emptyAllHint[type]}${signedIn ? "" : ` ${s.signInToCreate}`}`}
                  action={
                    <ButtonLink
                      href={
                        signedIn
                          ? newRepoHref(type)
                          : `/login?callbackUrl=${encodeURIComponent(newRepoHref(type))}`
                      }
                      size="sm"
                    >
                      {s.newRepo[type]}
                    </ButtonLink>
                  }
                />
              )
            ) : (
              <ul
                className={
                  list.stale ? "grid gap-3 opacity-60 lg:grid-cols-2" : "grid gap-3 lg:grid-cols-2"
                }
                data-testid="repo-list"
              >
                {data.items.map((repo) => (
                  <li key={`${repo.owner}/${repo.name}`}>
                    <RepoCardItem repo={repo} />
                  </li>
                ))}
              </ul>
            )}
            {data.pageCount > 1 ? <Pager page={data} params={params} hrefOf={hrefOf} /> : null}
          </div>
        </div>
      </div>
    </ListNavigation.Provider>
  );
}

function SearchBox({
  type,
  params,
  onSearch,
}: {
  type: RepoType;
  params: RepoListParams;
  onSearch: (search: string | undefined) => void;
}) {
  const s = useStrings(repoStrings);
  const [text, setText] = useState(params.search ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  };
  // A GET form: without JavaScript it still searches, keeping the other filters as hidden fields.
  const kept = new URLSearchParams(listQueryString(withListParams(params, { search: undefined })));
  return (
    <form action={`/${type}s`} method="get" role="search" className="flex gap-2" onSubmit={submit}>
      {[...kept].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Input
        type="search"
        name="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={s.searchPlaceholder}
        aria-label={s.searchLabel[type]}
        maxLength={200}
        className="min-w-0 flex-1"
      />
      <Button type="submit" variant="secondary">
        {s.search}
      </Button>
    </form>
  );
}

function ActiveFilters({
  type,
  params,
  hrefOf,
}: {
  type: RepoType;
  params: RepoListParams;
  hrefOf: (p: RepoListParams) => string;
}) {
  const s = useStrings(repoStrings);
  const locale = useLocale();
  const chips = [
    ...(params.search
      ? [{ key: "search" as const, label: `${s.searchFilter}: ${params.search}` }]
      : []),
    ...(params.owner
      ? [{ key: "owner" as const, label: `${s.ownerFilter}: ${params.owner}` }]
      : []),
    ...activeFacets(params).map((facet) => ({
      key: facet,
      label: `${s.facets[facet]}: ${facetValueLabel(facet, params[facet]!, locale)}`,
    })),
    ...(params.ci ? [{ key: "ci" as const, label: s.ciPassedOn[params.ci] }] : []),
  ];
  if (chips.length === 0) return null;
  return (
    <div
      role="group"
      aria-label={s.activeFilters}
      className="flex flex-wrap items-center gap-2"
      data-testid="active-filters"
    >
      {chips.map((chip) => (
        <ListLink
          key={chip.key}
          href={hrefOf(withListParams(params, { [chip.key]: undefined }))}
          aria-label={s.removeFilter(chip.label)}
          className="bg-muted hover:bg-brand/10 inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium"
        >
          {chip.label} <span aria-hidden>×</span>
        </ListLink>
      ))}
      {chips.length > 1 ? (
        <ListLink
          href={listHref(type, { sort: params.sort })}
          className="text-brand text-xs hover:underline"
        >
          {s.clearFilters}
        </ListLink>
      ) : null}
    </div>
  );
}

/**
 * Previous / next links. The first pages are numbered; from page `listNumberedPages` on, "Next"
 * carries the last row's cursor (`?after=`) and "Previous" the first row's (`?before=`), so a deep
 * page costs what the first does and its URL can still be shared.
 */
function Pager({
  page,
  params,
  hrefOf,
}: {
  page: Pick<RepoListPage, "page" | "pageCount" | "next" | "previous">;
  params: RepoListParams;
  hrefOf: (p: RepoListParams) => string;
}) {
  const s = useStrings(repoStrings);
  const link =
    "inline-flex h-8 items-center rounded-md border bg-card px-3 text-sm font-medium hover:bg-muted";
  const off = `${link} pointer-events-none opacity-50`;
  const number = page.page;
  const previous: Partial<RepoListParams> | null =
    number !== null
      ? number > 1
        ? { page: number - 1 }
        : null
      : page.previous
        ? { before: page.previous }
        : null;
  const next: Partial<RepoListParams> | null =
    number !== null && number < listNumberedPages
      ? number < page.pageCount
        ? { page: number + 1 }
        : null
      : page.next
        ? { after: page.next }
        : null;
  return (
    <nav aria-label={s.pagination} className="flex items-center justify-between gap-2">
      {previous ? (
        <ListLink href={hrefOf(withListParams(params, previous))} rel="prev" className={link}>
          ← {s.previous}
        </ListLink>
      ) : (
        <span className={off} aria-disabled="true">
          ← {s.previous}
        </span>
      )}
      {number !== null ? (
        <span className="text-muted-foreground text-sm">{s.pageOf(number, page.pageCount)}</span>
      ) : (
        <ListLink
          href={hrefOf(withListParams(params, {}))}
          className="text-brand text-sm hover:underline"
        >
          {s.firstPage}
        </ListLink>
      )}
      {next ? (
        <ListLink href={hrefOf(withListParams(params, next))} rel="next" className={link}>
          {s.next} →
        </ListLink>
      ) : (
        <span className={off} aria-disabled="true">
          {s.next} →
        </span>
      )}
    </nav>
  );
}

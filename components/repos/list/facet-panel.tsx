"use client";

import { useState } from "react";

import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { cn } from "@/components/ui/cn";
import { repoKinds, type HostedRepoType } from "@/lib/repos/kinds";
import {
  activeFacets,
  listCiHardware,
  withListParams,
  type RepoListParams,
} from "@/lib/repos/list/list-params";
import type { RepoListPage } from "@/lib/repos/list/summary";

import { facetValueLabel } from "../labels";
import { repoStrings } from "../strings";
import { ListLink } from "./list-link";

/** Every filter with the number of repositories each value would list; a chosen value clears itself. */
export function FacetPanel({
  type,
  params,
  facets,
  hrefOf,
}: {
  type: HostedRepoType;
  params: RepoListParams;
  facets: RepoListPage["facets"];
  hrefOf: (params: RepoListParams) => string;
}) {
  const s = useStrings(repoStrings);
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const groups = repoKinds[type].facets.filter(
    (facet) => facets[facet].length > 0 || params[facet],
  );
  const active = activeFacets(params).length + (params.ci ? 1 : 0);
  const chip =
    "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium";
  return (
    <div>
      <button
        type="button"
        className="bg-card flex w-full items-center justify-between rounded-md border px-3 py-2 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="repo-filters"
        onClick={() => setOpen((v) => !v)}
      >
        <span>
          {open ? s.hideFilters : s.showFilters}
          {active ? ` (${active})` : ""}
        </span>
        <span aria-hidden className={cn("transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <div
        id="repo-filters"
        className={cn(open ? "mt-4 block" : "hidden", "space-y-5 md:mt-0 md:block")}
      >
        {type === "model" ? (
          <div role="group" aria-labelledby="facet-ci">
            <h3
              id="facet-ci"
              className="text-muted-foreground mb-2 text-xs font-semibold tracking-wide uppercase"
            >
              {s.ciFilter}
            </h3>
            <ul className="flex flex-wrap gap-1.5">
              {listCiHardware.map((hardware) => {
                const selected = params.ci === hardware;
                return (
                  <li key={hardware}>
                    <ListLink
                      href={hrefOf(withListParams(params, { ci: selected ? undefined : hardware }))}
                      aria-current={selected ? "true" : undefined}
                      className={cn(
                        chip,
                        selected
                          ? "border-brand bg-brand text-brand-foreground"
                          : "bg-card hover:border-brand hover:text-brand",
                      )}
                    >
                      {s.ciPassedOn[hardware]}
                      {selected ? <span aria-hidden>×</span> : null}
                    </ListLink>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {groups.map((facet) => {
          const options = facets[facet];
          const chosen = params[facet];
          const values =
            chosen && !options.some((o) => o.value === chosen)
              ? [{ value: chosen, count: 0 }, ...options]
              : options;
          return (
            <div key={facet} role="group" aria-labelledby={`facet-${facet}`}>
              <h3
                id={`facet-${facet}`}
                className="text-muted-foreground mb-2 text-xs font-semibold tracking-wide uppercase"
              >
                {s.facets[facet]}
              </h3>
              <ul className="flex flex-wrap gap-1.5">
                {values.map((option) => {
                  const selected = chosen === option.value;
                  return (
                    <li key={option.value}>
                      <ListLink
                        href={hrefOf(
                          withListParams(params, { [facet]: selected ? undefined : option.value }),
                        )}
                        aria-current={selected ? "true" : undefined}
                        className={cn(
                          chip,
                          selected
                            ? "border-brand bg-brand text-brand-foreground"
                            : "bg-card hover:border-brand hover:text-brand",
                        )}
                      >
                        {facetValueLabel(facet, option.value, locale)}{" "}
                        <span className="tabular-nums opacity-70" title={s.facetCountHint}>
                          {option.count}
                        </span>
                        {selected ? <span aria-hidden>×</span> : null}
                      </ListLink>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </div>
  );
}

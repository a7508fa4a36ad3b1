import Link from "next/link";

import { getStrings } from "@/lib/i18n/server";
import {
  activeTagFilters,
  clearTagFilters,
  imageQueryString,
  withImageQuery,
  type ImageQuery,
  type TagFilterKey,
} from "@/lib/images/stack/filter-params";

import { facetValueLabel } from "./labels";
import { imageStrings, type ImageStrings } from "./strings";

function chipLabel(key: TagFilterKey, query: ImageQuery, s: ImageStrings): string {
  if (key === "space") return s.spaceEnvironment;
  if (key === "modelCi") return s.modelCiEnvironment;
  const value = String(query[key]);
  const facet = key === "frameworkVersion" ? s.facets.frameworkVersion : s.facets[key];
  return `${facet}: ${facetValueLabel(key, value)}`;
}

/** The chosen filters, each removable, and a link that clears them all. */
export async function ActiveFilters({ query, basePath }: { query: ImageQuery; basePath: string }) {
  const keys = activeTagFilters(query);
  if (!keys.length) return null;
  const s = await getStrings(imageStrings);
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label={s.activeFilters} role="group">
      {keys.map((key) => (
        <Link
          key={key}
          href={basePath + imageQueryString(withImageQuery(query, { [key]: undefined }))}
          scroll={false}
          className="bg-brand/10 text-brand hover:bg-brand/20 inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-medium"
          aria-label={`${s.removeFilter}: ${chipLabel(key, query, s)}`}
        >
          {chipLabel(key, query, s)} <span aria-hidden>×</span>
        </Link>
      ))}
      <Link
        href={basePath + imageQueryString(clearTagFilters(query))}
        scroll={false}
        className="text-muted-foreground hover:text-foreground text-xs font-medium underline-offset-2 hover:underline"
      >
        {s.clearFilters}
      </Link>
    </div>
  );
}

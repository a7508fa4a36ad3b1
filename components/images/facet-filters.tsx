import Link from "next/link";

import { cn } from "@/components/ui/cn";
import { getStrings } from "@/lib/i18n/server";
import type { FacetOption, ImageFacetCounts } from "@/lib/images/catalog/browse";
import {
  imageQueryString,
  withImageQuery,
  type ImageQuery,
  type TagFilterKey,
} from "@/lib/images/stack/filter-params";

import { facetValueLabel } from "./labels";
import { imageStrings } from "./strings";

type Choice = { key: TagFilterKey; value: string | true; label: string; count: number };
type Group = { id: string; label: string; choices: Choice[] };

const plain = (key: Exclude<TagFilterKey, "space" | "modelCi">, options: FacetOption[]) =>
  options.map((o) => ({
    key,
    value: o.value,
    label: facetValueLabel(key, o.value),
    count: o.count,
  }));

/**
 * Every filter as a list of links with the number of tags each value would match; choosing a
 * chosen value again clears it. Links, not a form: each filtered view is a URL, works without
 * JavaScript, and the back button undoes a filter.
 */
export async function FacetFilters({
  facets,
  query,
  basePath,
}: {
  facets: ImageFacetCounts;
  query: ImageQuery;
  basePath: string;
}) {
  const s = await getStrings(imageStrings);
  const flags = (key: "space" | "modelCi", label: string): Choice[] =>
    facets[key].map((o) => ({ key, value: true, label, count: o.count }));
  const groups: Group[] = [
    { id: "hardware", label: s.facets.hardware, choices: plain("hardware", facets.hardware) },
    { id: "framework", label: s.facets.framework, choices: plain("framework", facets.framework) },
    {
      id: "framework-version",
      label: s.facets.frameworkVersion,
      choices: plain("frameworkVersion", facets.frameworkVersion),
    },
    { id: "openmind", label: s.facets.openmind, choices: plain("openmind", facets.openmind) },
    { id: "cann", label: s.facets.cann, choices: plain("cann", facets.cann) },
    { id: "python", label: s.facets.python, choices: plain("python", facets.python) },
    { id: "os", label: s.facets.os, choices: plain("os", facets.os) },
    { id: "arch", label: s.facets.arch, choices: plain("arch", facets.arch) },
    {
      id: "environments",
      label: s.facets.environments,
      choices: [...flags("space", s.spaceEnvironment), ...flags("modelCi", s.modelCiEnvironment)],
    },
  ];

  return (
    <div className="space-y-5">
      {groups
        .filter((g) => g.choices.length > 0)
        .map((group) => (
          <div key={group.id} role="group" aria-labelledby={`facet-${group.id}`}>
            <h3
              id={`facet-${group.id}`}
              className="text-muted-foreground mb-2 text-xs font-semibold tracking-wide uppercase"
            >
              {group.label}
            </h3>
            <ul className="flex flex-wrap gap-1.5">
              {group.choices.map((choice) => (
                <li key={`${choice.key}:${String(choice.value)}`}>
                  <FacetChoice
                    choice={choice}
                    query={query}
                    basePath={basePath}
                    countHint={s.facetCountHint}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}

function FacetChoice({
  choice,
  query,
  basePath,
  countHint,
}: {
  choice: Choice;
  query: ImageQuery;
  basePath: string;
  countHint: string;
}) {
  const selected = query[choice.key] === choice.value;
  const chip =
    "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium";
  const count = (
    <span className="tabular-nums opacity-70" title={countHint}>
      {choice.count}
    </span>
  );
  if (!selected && choice.count === 0) {
    // Choosing it would show nothing: say so instead of linking to an empty page.
    return (
      <span
        className={cn(chip, "text-muted-foreground cursor-not-allowed border-dashed opacity-60")}
        aria-disabled="true"
      >
        {choice.label} {count}
      </span>
    );
  }
  const href =
    basePath +
    imageQueryString(withImageQuery(query, { [choice.key]: selected ? undefined : choice.value }));
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={selected ? "true" : undefined}
      className={cn(
        chip,
        selected
          ? "border-brand bg-brand text-brand-foreground"
          : "bg-card hover:border-brand hover:text-brand",
      )}
    >
      {choice.label} {count}
      {selected ? <span aria-hidden>×</span> : null}
    </Link>
  );
}

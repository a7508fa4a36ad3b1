import Link from "next/link";

import type { RepoType } from "@/db/schema/enums";
import type { CardMetadata } from "@/lib/hub/card/metadata";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/strings";
import type { ListFacet } from "@/lib/repos/list/list-params";
import { listHref, repoHref } from "@/lib/repos/urls";

import { languageLabel, taskLabel } from "./labels";
import { repoStrings, type RepoStrings } from "./strings";

type ChipValue = { key: string; label: string; href: string | null };
/** One kind of label with its values: most kinds get a chip per value, languages share one. */
type Chip = { key: string; kind: string; values: ChipValue[] };

function chipsOf(type: RepoType, m: CardMetadata, s: RepoStrings, locale: Locale): Chip[] {
  const value = (facet: ListFacet, id: string, label = id): ChipValue => ({
    key: `${facet}:${id}`,
    label,
    href: listHref(type, { [facet]: id }),
  });
  const single = (kind: string, v: ChipValue): Chip => ({ key: v.key, kind, values: [v] });
  const listed = (facet: ListFacet, id: string, label = id) =>
    single(s.chips[facet], value(facet, id, label));
  const tasks = type === "dataset" ? m.taskCategories : m.pipelineTag ? [m.pipelineTag] : [];
  const languages = m.languages.map((l) => value("language", l, languageLabel(l, locale)));
  return [
    ...tasks.map((task) => listed("task", task, taskLabel(task, locale))),
    ...(m.libraryName ? [listed("library", m.libraryName)] : []),
    ...m.frameworks.map((f) => listed("framework", f)),
    ...m.hardware.map((h) => listed("hardware", h)),
    ...m.licenses.map((l) => listed("license", l)),
    ...(languages.length ? [{ key: "language", kind: s.chips.language, values: languages }] : []),
    ...m.datasets.map((d) => listed("dataset", d)),
    ...m.baseModels.map((b) => {
      const [owner, name] = b.split("/");
      const href = name ? repoHref({ type: "model", owner: owner!, name }) : null;
      return single(s.chips.baseModel, { key: `base:${b}`, label: b, href });
    }),
    ...m.sizeCategories.map((size) =>
      single(s.chips.size, { key: `size:${size}`, label: size, href: null }),
    ),
    ...m.tags.map((tag) => listed("tag", tag)),
  ];
}

const linkClass = "hover:text-brand hover:underline";

/** The card's labels as chips; each value opens the list filtered by it. */
export async function CardChips({ type, metadata }: { type: RepoType; metadata: CardMetadata }) {
  const [s, locale] = await Promise.all([getStrings(repoStrings), getLocale()]);
  const chips = chipsOf(type, metadata, s, locale);
  if (chips.length === 0) return null;
  return (
    <ul aria-label={s.chipsLabel} className="flex flex-wrap gap-1.5" data-testid="card-chips">
      {chips.map((chip) => (
        <li
          key={chip.key}
          className="bg-card inline-block rounded-md border px-2 py-0.5 text-xs"
          data-chip={chip.key}
        >
          <span className="text-muted-foreground">{chip.kind}:</span>{" "}
          {chip.values.map((v, i) => (
            <span key={v.key}>
              {i > 0 ? ", " : null}
              {v.href ? (
                <Link href={v.href} className={linkClass} aria-label={`${chip.kind}: ${v.label}`}>
                  {v.label}
                </Link>
              ) : (
                v.label
              )}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

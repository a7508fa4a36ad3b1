import Link from "next/link";

import type { RepoType } from "@/db/schema/enums";
import type { CardMetadata } from "@/lib/hub/card/metadata";
import { getStrings } from "@/lib/i18n/server";
import type { ListFacet } from "@/lib/repos/list/list-params";
import { listHref, repoHref } from "@/lib/repos/urls";

import { taskLabel } from "./labels";
import { repoStrings, type RepoStrings } from "./strings";

type Chip = { key: string; kind: string; label: string; href: string | null };

function chipsOf(type: RepoType, m: CardMetadata, s: RepoStrings): Chip[] {
  const listed = (facet: ListFacet, value: string, label = value): Chip => ({
    key: `${facet}:${value}`,
    kind: s.chips[facet],
    label,
    href: listHref(type, { [facet]: value }),
  });
  const tasks = type === "dataset" ? m.taskCategories : m.pipelineTag ? [m.pipelineTag] : [];
  return [
    ...tasks.map((task) => listed("task", task, taskLabel(task))),
    ...(m.libraryName ? [listed("library", m.libraryName)] : []),
    ...m.frameworks.map((f) => listed("framework", f)),
    ...m.hardware.map((h) => listed("hardware", h)),
    ...m.licenses.map((l) => listed("license", l)),
    ...m.languages.map((l) => listed("language", l)),
    ...m.datasets.map((d) => listed("dataset", d)),
    ...m.baseModels.map((b) => {
      const [owner, name] = b.split("/");
      return {
        key: `base:${b}`,
        kind: s.chips.baseModel,
        label: b,
        href: name ? repoHref({ type: "model", owner: owner!, name }) : null,
      };
    }),
    ...m.sizeCategories.map((size) => ({
      key: `size:${size}`,
      kind: s.chips.size,
      label: size,
      href: null,
    })),
    ...m.tags.map((tag) => listed("tag", tag)),
  ];
}

/** The card's labels as chips; each one opens the list filtered by it. */
export async function CardChips({ type, metadata }: { type: RepoType; metadata: CardMetadata }) {
  const s = await getStrings(repoStrings);
  const chips = chipsOf(type, metadata, s);
  if (chips.length === 0) return null;
  const className = "inline-flex items-center gap-1 rounded-md border bg-card px-2 py-0.5 text-xs";
  return (
    <ul aria-label={s.chipsLabel} className="flex flex-wrap gap-1.5" data-testid="card-chips">
      {chips.map((chip) => (
        <li key={chip.key}>
          {chip.href ? (
            <Link
              href={chip.href}
              className={`${className} hover:border-brand hover:text-brand`}
              data-chip={chip.key}
            >
              <span className="text-muted-foreground">{chip.kind}:</span> {chip.label}
            </Link>
          ) : (
            <span className={className} data-chip={chip.key}>
              <span className="text-muted-foreground">{chip.kind}:</span> {chip.label}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

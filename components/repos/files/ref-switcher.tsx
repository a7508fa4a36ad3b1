import Link from "next/link";

import { cn } from "@/components/ui/cn";
import { DropdownDetails } from "@/components/ui/dropdown-details";
import { getStrings } from "@/lib/i18n/server";
import type { RefsView, RevisionView } from "@/lib/repos/view/file-views";

import { fileStrings } from "../file-strings";
import { refStrings } from "../refs/strings";

/**
 * The branch/tag picker: a disclosure of links (works without JavaScript), each keeping the page
 * and path the visitor is on. `hrefFor` builds the same page at another revision.
 */
export async function RefSwitcher({
  revision,
  refs,
  hrefFor,
  manageHref,
}: {
  revision: RevisionView;
  refs: RefsView;
  hrefFor: (rev: string) => string;
  /** The branches and tags page, starting a new one from this revision. */
  manageHref: string;
}) {
  const [s, r] = await Promise.all([getStrings(fileStrings), getStrings(refStrings)]);
  const current =
    revision.kind === "commit" ? revision.commit.slice(0, 10) : (revision.branch ?? revision.rev);
  const kindLabel =
    revision.kind === "tag" ? s.tag : revision.kind === "commit" ? s.commit : s.branch;
  const item = (name: string) => (
    <li key={name}>
      <Link
        href={hrefFor(name)}
        className={cn(
          "hover:bg-muted block truncate rounded px-2 py-1 text-sm",
          name === current && "text-brand font-semibold",
        )}
        aria-current={name === current ? "true" : undefined}
      >
        {name}
      </Link>
    </li>
  );
  return (
    <DropdownDetails className="group relative" data-testid="ref-switcher">
      <summary
        className="bg-card hover:bg-muted inline-flex h-8 max-w-[16rem] cursor-pointer list-none items-center gap-1.5 rounded-md border px-3 text-sm [&::-webkit-details-marker]:hidden"
        aria-label={`${s.switchRef}: ${current}`}
      >
        <span className="text-muted-foreground">{kindLabel}:</span>
        <span className="truncate font-medium">{current}</span>
        <span aria-hidden>▾</span>
      </summary>
      <div className="bg-card absolute left-0 z-20 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border p-2 shadow-lg">
        <p className="text-muted-foreground px-2 pb-1 text-xs font-semibold uppercase">
          {s.branches}
        </p>
        <ul>{refs.branches.map(item)}</ul>
        <p className="text-muted-foreground mt-2 px-2 pb-1 text-xs font-semibold uppercase">
          {s.tags}
        </p>
        {refs.tags.length ? (
          <ul>{refs.tags.map(item)}</ul>
        ) : (
          <p className="text-muted-foreground px-2 text-sm">{s.noTags}</p>
        )}
        <Link
          href={manageHref}
          className="text-brand hover:bg-muted mt-2 block rounded border-t px-2 py-1.5 text-sm"
        >
          {r.manage}
        </Link>
      </div>
    </DropdownDetails>
  );
}

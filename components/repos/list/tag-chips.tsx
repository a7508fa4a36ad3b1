"use client";

import { useStrings } from "@/components/i18n/locale-provider";
import { cn } from "@/components/ui/cn";
import type { RepoType } from "@/db/schema/enums";
import { listHref } from "@/lib/repos/urls";

import { repoStrings } from "../strings";
import { ListLink } from "./list-link";

/** A listed repository's card tags, each a link to the list filtered by it (above the card's link). */
export function TagChips({
  type,
  tags,
  className,
}: {
  type: RepoType;
  tags: string[];
  className?: string;
}) {
  const s = useStrings(repoStrings);
  if (tags.length === 0) return null;
  return (
    <ul aria-label={s.facets.tag} className={cn("relative z-10 flex flex-wrap gap-1", className)}>
      {tags.slice(0, 6).map((tag) => (
        <li key={tag}>
          <ListLink
            href={listHref(type, { tag })}
            className="bg-muted text-muted-foreground hover:text-brand rounded px-1.5 py-0.5 text-xs"
            data-tag={tag}
          >
            #{tag}
          </ListLink>
        </li>
      ))}
    </ul>
  );
}

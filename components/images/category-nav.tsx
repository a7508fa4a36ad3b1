import Link from "next/link";

import { cn } from "@/components/ui/cn";
import { imageCategories, type ImageCategory } from "@/db/schema/image-enums";
import { getStrings } from "@/lib/i18n/server";
import {
  imageQueryString,
  withImageQuery,
  type ImageQuery,
} from "@/lib/images/stack/filter-params";

import { imageStrings } from "./strings";

/** Categories with the number of repositories each lists under the current search and filters. */
export async function CategoryNav({
  query,
  counts,
}: {
  query: ImageQuery;
  counts: Record<ImageCategory, number>;
}) {
  const s = await getStrings(imageStrings);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const items: { category: ImageCategory | undefined; label: string; count: number }[] = [
    { category: undefined, label: s.all, count: total },
    ...imageCategories
      .filter((c) => counts[c] > 0 || query.category === c)
      .map((c) => ({ category: c, label: s.categories[c], count: counts[c] })),
  ];
  return (
    <nav aria-label={s.categoryNav} className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 border-b">
        {items.map((item) => {
          const current = query.category === item.category;
          return (
            <li key={item.category ?? "all"}>
              <Link
                href={`/images${imageQueryString(withImageQuery(query, { category: item.category }))}`}
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  current
                    ? "border-brand text-foreground"
                    : "text-muted-foreground hover:text-foreground border-transparent",
                )}
              >
                {item.label}
                <span className="bg-muted rounded-full px-1.5 text-xs tabular-nums">
                  {item.count}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { getStrings } from "@/lib/i18n/server";
import {
  imageQueryString,
  withImageQuery,
  type ImageQuery,
} from "@/lib/images/stack/filter-params";

import { imageStrings } from "./strings";

/** Previous / next links that keep the filters. */
export async function Pagination({
  query,
  basePath,
  page,
  pageCount,
}: {
  query: ImageQuery;
  basePath: string;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const s = await getStrings(imageStrings);
  const href = (p: number) => basePath + imageQueryString(withImageQuery(query, { page: p }));
  const disabled = `${buttonClasses("secondary", "sm")} pointer-events-none opacity-50`;
  return (
    <nav aria-label={s.pagination} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonClasses("secondary", "sm")}>
          ← {s.previous}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← {s.previous}
        </span>
      )}
      <span className="text-muted-foreground text-sm">{s.pageOf(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={buttonClasses("secondary", "sm")}>
          {s.next} →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {s.next} →
        </span>
      )}
    </nav>
  );
}

import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";

/** Previous / next links for paged server-rendered lists. */
export function PageLinks({
  page,
  pageCount,
  hrefFor,
  labels,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: {
    pagination: string;
    previous: string;
    next: string;
    pageOf: (page: number, count: number) => string;
  };
}) {
  if (pageCount <= 1) return null;
  const disabled = `${buttonClasses("secondary", "sm")} pointer-events-none opacity-50`;
  return (
    <nav aria-label={labels.pagination} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClasses("secondary", "sm")}>
          ← {labels.previous}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← {labels.previous}
        </span>
      )}
      <span className="text-muted-foreground text-sm">{labels.pageOf(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClasses("secondary", "sm")}>
          {labels.next} →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {labels.next} →
        </span>
      )}
    </nav>
  );
}

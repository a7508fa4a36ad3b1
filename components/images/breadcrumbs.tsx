import Link from "next/link";
import { Fragment } from "react";

/** Where a page sits in the image center; the last item is the page itself. */
export function Breadcrumbs({
  label,
  items,
}: {
  label: string;
  items: { label: string; href?: string }[];
}) {
  return (
    <nav aria-label={label} className="text-muted-foreground mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, i) => (
          <Fragment key={`${i}:${item.label}`}>
            {i > 0 ? <li aria-hidden>/</li> : null}
            <li className="min-w-0 [overflow-wrap:anywhere]">
              {item.href ? (
                <Link href={item.href} className="hover:text-foreground hover:underline">
                  {item.label}
                </Link>
              ) : (
                <span aria-current="page" className="text-foreground">
                  {item.label}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}

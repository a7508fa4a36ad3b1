import Link from "next/link";

import { HeaderSearch } from "@/components/search/header-search";
import { DropdownDetails } from "@/components/ui/dropdown-details";

import type { LayoutStrings } from "./strings";

/** Rendered on the server: a `<details>` opens it; a followed link closes it. */
export function MobileNav({
  links,
  strings: s,
}: {
  links: [string, string][];
  strings: LayoutStrings;
}) {
  return (
    <DropdownDetails className="md:hidden">
      <summary
        aria-label={s.menu}
        className="hover:bg-muted inline-flex h-9 w-9 cursor-pointer list-none items-center justify-center rounded-md [&::-webkit-details-marker]:hidden"
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden
        >
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </summary>
      <nav
        aria-label={s.menu}
        className="bg-background absolute inset-x-0 top-14 z-40 border-b p-4 shadow-md"
      >
        <HeaderSearch
          className="mb-3"
          inputClassName="bg-card w-full rounded-md border px-3 py-2 text-sm"
        />
        <ul className="grid gap-1">
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="hover:bg-muted block rounded px-2 py-2">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </DropdownDetails>
  );
}

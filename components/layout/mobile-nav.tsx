"use client";

import Link from "next/link";
import { useState } from "react";

import { HeaderSearch } from "@/components/search/header-search";

import type { LayoutStrings } from "./strings";

export function MobileNav({
  links,
  strings: s,
}: {
  links: [string, string][];
  strings: LayoutStrings;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        aria-label={s.menu}
        className="hover:bg-muted inline-flex h-9 w-9 items-center justify-center rounded-md"
        onClick={() => setOpen((v) => !v)}
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
      </button>
      {open ? (
        <nav
          id="mobile-nav"
          className="bg-background absolute inset-x-0 top-14 z-40 border-b p-4 shadow-md"
        >
          <HeaderSearch
            className="mb-3"
            inputClassName="bg-card w-full rounded-md border px-3 py-2 text-sm"
          />
          <ul className="grid gap-1">
            {links.map(([href, label]) => (
              <li key={href}>
                <Link
                  href={href}
                  className="hover:bg-muted block rounded px-2 py-2"
                  onClick={() => setOpen(false)}
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

"use client";

import { useState, type ReactNode } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { cn } from "@/components/ui/cn";

import { imageStrings } from "./strings";

/** The filters: always shown beside the list on wide screens, behind a toggle on phones. */
export function FilterPanel({
  activeCount,
  children,
}: {
  activeCount: number;
  children: ReactNode;
}) {
  const s = useStrings(imageStrings);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="bg-card flex w-full items-center justify-between rounded-md border px-3 py-2 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="image-filters"
        onClick={() => setOpen((v) => !v)}
      >
        <span>
          {open ? s.hideFilters : s.showFilters}
          {activeCount ? ` (${activeCount})` : ""}
        </span>
        <span aria-hidden className={cn("transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <div id="image-filters" className={cn(open ? "mt-4 block" : "hidden", "md:mt-0 md:block")}>
        {children}
      </div>
    </div>
  );
}

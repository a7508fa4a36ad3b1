"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/components/ui/cn";
import type { RepoTabId } from "@/lib/repos/kinds";

export type RepoTab = { id: RepoTabId; href: string; label: string };

/** Which tab a path belongs to: the first segment after `/{type}s/{owner}/{name}`. */
function activeTab(pathname: string, base: string): RepoTab["id"] {
  const rest = pathname.slice(base.length).split("/")[1] ?? "";
  if (["tree", "blob", "upload", "edit", "new", "refs"].includes(rest)) return "files";
  if (rest === "commits" || rest === "commit") return "commits";
  if (rest === "settings") return "settings";
  if (rest === "ci") return "ci";
  return "card";
}

export function RepoTabs({ base, tabs, label }: { base: string; tabs: RepoTab[]; label: string }) {
  const pathname = usePathname();
  const active = activeTab(decodeURI(pathname), decodeURI(base));
  return (
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === active ? "page" : undefined}
          className={cn(
            "shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
            tab.id === active
              ? "border-brand text-foreground"
              : "text-muted-foreground hover:text-foreground border-transparent",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";

import { repoTypePlural } from "@/lib/repos/type-plural";

import { ListSkeleton, RepoSkeleton } from "./page-skeletons";

const sections = `(?:${[...Object.values(repoTypePlural), "images"].join("|")})`;
const listPath = new RegExp(`^/${sections}/?$`);
const repoPath = new RegExp(`^/${sections}/[^/]+/[^/]+`);

/** A link click that the router will handle as a navigation to another page. */
function navigationTarget(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self")) return null;
  if (link.hasAttribute("download")) return null;
  const url = new URL(link.href);
  const here = window.location;
  if (url.origin !== here.origin) return null;
  return url.pathname === here.pathname && url.search === here.search ? null : url;
}

/** The placeholder for where the link goes: a list, another repository, or none (same repository). */
function skeletonFor(to: URL, from: string, label: string): ReactNode {
  if (listPath.test(to.pathname)) return <ListSkeleton label={label} />;
  const repo = repoPath.exec(to.pathname)?.[0];
  if (repo && !`${from}/`.startsWith(`${repo}/`)) return <RepoSkeleton label={label} />;
  return null;
}

/**
 * Feedback while the next page loads: a thin bar at the top from the link click until the address
 * changes, and a skeleton in place of the page when a list or another repository is coming. (The
 * pages are not wrapped in loading.tsx boundaries: those stream the page, which turns the 404 of
 * a missing or private repository into a 200.)
 */
export function NavigationPending({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  const location = `${pathname}?${useSearchParams().toString()}`;
  const [pending, setPending] = useState<{ from: string; to: URL } | null>(null);

  useEffect(() => {
    const start = (event: MouseEvent) => {
      const to = navigationTarget(event);
      if (to) setPending({ from: location, to });
    };
    // Capture: the router's own handler cancels the click's default before it bubbles up.
    document.addEventListener("click", start, true);
    return () => document.removeEventListener("click", start, true);
  }, [location]);

  // Once the address changes, the navigation is over, whatever `pending` still holds.
  const active = pending?.from === location ? pending : null;
  const skeleton = active ? skeletonFor(active.to, pathname, label) : null;
  return (
    <>
      {active ? (
        <div
          role="progressbar"
          aria-label={label}
          className="nav-progress bg-brand fixed top-0 left-0 z-50 h-0.5"
          data-testid="nav-progress"
          // A link that turned out to be a download must not leave the page waiting for good.
          onAnimationEnd={() => setPending(null)}
        />
      ) : null}
      {skeleton}
      <div hidden={skeleton !== null} className="contents">
        {children}
      </div>
    </>
  );
}

"use client";

import { createContext, useContext, type AnchorHTMLAttributes } from "react";

/** How the list moves to another state without a page load (set by RepoListView). */
export const ListNavigation = createContext<((href: string) => void) | null>(null);

/**
 * A real link to a list state (works without JavaScript, opens in a new tab with a modified
 * click), which in the browser just pushes the URL: the list's query then fetches the new page.
 */
export function ListLink({
  href,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const navigate = useContext(ListNavigation);
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (
          !navigate ||
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        )
          return;
        event.preventDefault();
        navigate(href);
      }}
      {...props}
    />
  );
}

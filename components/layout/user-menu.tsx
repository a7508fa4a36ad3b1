"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";

import { signOutTo } from "@/components/auth/sign-out";
import { Avatar } from "@/components/ui/avatar";
import { useDismiss } from "@/components/ui/use-dismiss";

import { hostedRepoTypes } from "@/lib/repos/kinds";
import { newRepoHref } from "@/lib/repos/urls";
import type { LayoutStrings } from "./strings";

type Props = { user: { name: string; isAdmin: boolean }; strings: LayoutStrings };

export function UserMenu({ user, strings: s }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  const links: [string, string][] = [
    [`/${user.name}`, s.profile],
    ...hostedRepoTypes.map((type): [string, string] => [newRepoHref(type), s.newRepo[type]]),
    ["/organizations/new", s.newOrg],
    ["/settings/profile", s.settings],
    ["/settings/tokens", s.tokens],
    ...(user.isAdmin ? ([["/runners", s.runners]] as [string, string][]) : []),
  ];

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={s.userMenu}
        className="flex items-center rounded-full"
        onClick={() => setOpen((v) => !v)}
        data-testid="user-menu"
      >
        <Avatar name={user.name} size={32} />
      </button>
      {open ? (
        <div
          role="menu"
          className="bg-card absolute right-0 mt-2 w-56 rounded-md border py-1 shadow-lg"
        >
          <p className="truncate border-b px-3 py-2 text-sm font-medium">{user.name}</p>
          {links.map(([href, label]) => (
            <Link
              key={href}
              role="menuitem"
              href={href}
              className="hover:bg-muted block px-3 py-1.5 text-sm"
              onClick={() => setOpen(false)}
            >
              {label}
            </Link>
          ))}
          <button
            type="button"
            role="menuitem"
            className="hover:bg-muted block w-full border-t px-3 py-1.5 text-left text-sm"
            onClick={() => void signOutTo("/")}
          >
            {s.signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}

import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { Avatar } from "@/components/ui/avatar";
import { DropdownDetails } from "@/components/ui/dropdown-details";
import { hostedRepoTypes } from "@/lib/repos/kinds";
import { newRepoHref } from "@/lib/repos/urls";

import type { LayoutStrings } from "./strings";

type Props = { user: { name: string; isAdmin: boolean }; strings: LayoutStrings };

/**
 * Rendered on the server: a `<details>` opens it, so only the dropdown's dismissal and the
 * sign-out button are JavaScript on the page.
 */
export function UserMenu({ user, strings: s }: Props) {
  const links: [string, string][] = [
    [`/${user.name}`, s.profile],
    ...hostedRepoTypes.map((type): [string, string] => [newRepoHref(type), s.newRepo[type]]),
    ["/organizations/new", s.newOrg],
    ["/settings/profile", s.settings],
    ["/settings/tokens", s.tokens],
    ...(user.isAdmin ? ([["/runners", s.runners]] as [string, string][]) : []),
  ];

  return (
    <DropdownDetails className="relative">
      <summary
        aria-label={s.userMenu}
        className="flex cursor-pointer list-none items-center rounded-full [&::-webkit-details-marker]:hidden"
        data-testid="user-menu"
      >
        <Avatar name={user.name} size={32} />
      </summary>
      <div
        role="menu"
        className="bg-card absolute right-0 z-40 mt-2 w-56 rounded-md border py-1 shadow-lg"
      >
        <p className="truncate border-b px-3 py-2 text-sm font-medium">{user.name}</p>
        {links.map(([href, label]) => (
          <Link
            key={href}
            role="menuitem"
            href={href}
            className="hover:bg-muted block px-3 py-1.5 text-sm"
          >
            {label}
          </Link>
        ))}
        <SignOutButton
          role="menuitem"
          className="hover:bg-muted block w-full border-t px-3 py-1.5 text-left text-sm"
        >
          {s.signOut}
        </SignOutButton>
      </div>
    </DropdownDetails>
  );
}

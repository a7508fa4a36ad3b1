import Link from "next/link";
import type { ReactNode } from "react";

import { layoutStrings } from "@/components/layout/strings";
import { settingsStrings } from "@/components/settings/strings";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const [s, layout, user] = await Promise.all([
    getStrings(settingsStrings),
    getStrings(layoutStrings),
    getSessionUser(),
  ]);
  const links: [string, string][] = [
    ["/settings/profile", s.profile],
    ["/settings/tokens", s.tokens],
    // Site administration lives on its own pages; admins look for it next to their settings.
    ...(user?.isAdmin ? ([["/runners", layout.runners]] as [string, string][]) : []),
  ];
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <nav aria-label={s.settings} className="flex gap-1 md:flex-col">
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="hover:bg-muted rounded-md px-3 py-2 text-sm">
            {label}
          </Link>
        ))}
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

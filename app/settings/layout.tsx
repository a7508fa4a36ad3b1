import Link from "next/link";
import type { ReactNode } from "react";

import { settingsStrings } from "@/components/settings/strings";
import { getStrings } from "@/lib/i18n/server";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const s = await getStrings(settingsStrings);
  const links: [string, string][] = [
    ["/settings/profile", s.profile],
    ["/settings/tokens", s.tokens],
  ];
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <nav aria-label={s.settings} className="flex gap-1 md:flex-col">
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="rounded-md px-3 py-2 text-sm hover:bg-muted">
            {label}
          </Link>
        ))}
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}

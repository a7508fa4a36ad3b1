import Link from "next/link";

import { HeaderSearch } from "@/components/search/header-search";
import { ButtonLink } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";

import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { layoutStrings } from "./strings";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const [user, s] = await Promise.all([getSessionUser(), getStrings(layoutStrings)]);
  const sections: [string, string][] = [
    ["/models", s.models],
    ["/datasets", s.datasets],
    ["/spaces", s.spaces],
    ["/images", s.images],
  ];
  return (
    <header className="bg-background/90 sticky top-0 z-30 border-b backdrop-blur">
      <div className="relative mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
        <Logo />
        <HeaderSearch
          className="hidden flex-1 md:block md:max-w-xs"
          inputClassName="bg-subtle placeholder:text-muted-foreground focus:border-brand w-full rounded-md border px-3 py-1.5 text-sm"
        />
        <nav aria-label="Sections" className="hidden items-center gap-1 md:flex">
          {sections.map(([href, label]) => (
            <Link
              key={href}
              href={href}
              className="hover:bg-muted rounded-md px-3 py-1.5 text-sm font-medium"
            >
              {label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle label={s.theme} />
          {user ? (
            <UserMenu user={{ name: user.name, isAdmin: user.isAdmin }} strings={s} />
          ) : (
            <>
              <ButtonLink href="/login" variant="ghost" size="sm">
                {s.signIn}
              </ButtonLink>
              <ButtonLink href="/signup" size="sm" className="hidden sm:inline-flex">
                {s.signUp}
              </ButtonLink>
            </>
          )}
          <MobileNav links={sections} strings={s} />
        </div>
      </div>
    </header>
  );
}

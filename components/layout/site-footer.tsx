import { getStrings } from "@/lib/i18n/server";

import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";
import { layoutStrings } from "./strings";

export async function SiteFooter() {
  const s = await getStrings(layoutStrings);
  return (
    <footer className="mt-16 border-t">
      <div className="text-muted-foreground mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm sm:flex-row sm:items-center sm:justify-between">
        <div className="space-y-1">
          <Logo />
          <p>{s.footerTagline}</p>
          <p className="font-mono text-xs">{s.footerDocs}</p>
        </div>
        <LocaleSwitcher label={s.language} />
      </div>
    </footer>
  );
}

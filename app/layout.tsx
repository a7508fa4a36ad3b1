import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { LocaleProvider } from "@/components/i18n/locale-provider";
import { NavigationPending } from "@/components/layout/navigation-pending";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { layoutStrings } from "@/components/layout/strings";
import { themeBootScript } from "@/components/layout/theme-script";
import { getLocale, getStrings } from "@/lib/i18n/server";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Strata", template: "%s · Strata" },
  description: "A self-hosted community hub for AI models, datasets, Spaces and container images.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, s] = await Promise.all([getLocale(), getStrings(layoutStrings)]);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="bg-brand text-brand-foreground sr-only z-50 rounded-md px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          {s.skipToContent}
        </a>
        <LocaleProvider locale={locale}>
          <SiteHeader />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 focus:outline-none"
          >
            <NavigationPending label={s.loading}>{children}</NavigationPending>
          </main>
          <SiteFooter />
        </LocaleProvider>
      </body>
    </html>
  );
}

"use client";

import { createContext, useContext, type ReactNode } from "react";

import { defaultLocale, type Locale } from "@/lib/i18n/strings";

const LocaleContext = createContext<Locale>(defaultLocale);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The strings of one feature in the visitor's locale, for Client Components. */
export function useStrings<T>(strings: Record<Locale, T>): T {
  return strings[useLocale()];
}

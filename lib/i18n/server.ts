import "server-only";

import { cookies, headers } from "next/headers";
import { cache } from "react";

import { isLocale, localeCookie, localeFromAcceptLanguage, type Locale } from "./strings";

/** The visitor's locale: their explicit choice (cookie), else their browser's languages. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

/** The strings of one feature in the visitor's locale, for Server Components. */
export async function getStrings<T>(strings: Record<Locale, T>): Promise<T> {
  return strings[await getLocale()];
}

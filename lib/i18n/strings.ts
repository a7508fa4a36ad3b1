// Client-safe: the locale list and the shape of a feature's strings.

export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const localeCookie = "strata-locale";

/**
 * A feature's user-facing strings, in every locale, in one place (`components/<feature>/strings.ts`).
 * The English object alone defines the shape (`NoInfer`): every other locale must have exactly its
 * keys, with a function where English has a function, or it does not compile.
 */
export function defineStrings<T>(strings: { en: T; zh: NoInfer<T> }): Record<Locale, T> {
  return strings;
}

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? "");
}

/** Picks a locale from an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8" → zh). */
export function localeFromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

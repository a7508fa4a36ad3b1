// Client-safe formatting helpers shared by pages.

import type { Locale } from "./i18n/strings";

const intlLocale: Record<Locale, string> = { en: "en-US", zh: "zh-CN" };

export function formatDate(date: Date | string | number, locale: Locale = "en"): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium" }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string | number, locale: Locale = "en"): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(date));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 hours ago" / "3 小时前". */
export function formatRelative(
  date: Date | string | number,
  locale: Locale = "en",
  now = Date.now(),
): string {
  const seconds = Math.round((new Date(date).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second")
      return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "second");
}

/** 1536 → "1.5 kB"; decimal units, as download tools show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

export function formatCount(n: number, locale: Locale = "en"): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(n);
}

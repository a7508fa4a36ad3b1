"use client";

import { useLocale } from "@/components/i18n/locale-provider";
import { formatDateTime } from "@/lib/format";

/**
 * A date and time in the reader's time zone. The server renders it in its own zone, so the text
 * may change on hydration; that is expected here.
 */
export function LocalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatDateTime(iso, locale)}
    </time>
  );
}

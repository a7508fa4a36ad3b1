"use client";

import { useRouter } from "next/navigation";

import { useLocale } from "@/components/i18n/locale-provider";
import { localeCookie, type Locale } from "@/lib/i18n/strings";

const names: Record<Locale, string> = { en: "English", zh: "中文" };

export function LocaleSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select
        value={locale}
        className="bg-card rounded-md border px-2 py-1 text-sm"
        onChange={(event) => {
          document.cookie = `${localeCookie}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {Object.entries(names).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

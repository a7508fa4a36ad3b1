"use client";

import { themeStorageKey } from "./theme-script";

export function ThemeToggle({ label }: { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className="hover:bg-muted inline-flex h-9 w-9 items-center justify-center rounded-md"
      onClick={() => {
        const dark = document.documentElement.classList.toggle("dark");
        localStorage.setItem(themeStorageKey, dark ? "dark" : "light");
      }}
    >
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden
      >
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
      </svg>
    </button>
  );
}

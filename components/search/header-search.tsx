"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/components/ui/use-dismiss";
import { searchHref, type SearchGroup, type SearchHit } from "@/lib/search/search-types";

import { searchStrings } from "./strings";

type Results = { q: string; groups: SearchGroup[] };

/**
 * The header's search box: type-ahead over models, datasets, Spaces, users and organisations
 * (an ARIA combobox with a grouped listbox: arrows move, Enter opens, Escape closes); submitting
 * opens the full results page. Without JavaScript it is a plain form to that page.
 */
export function HeaderSearch({
  className,
  inputClassName,
}: {
  className?: string;
  inputClassName?: string;
}) {
  const s = useStrings(searchStrings);
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Results | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = q.trim();

  useEffect(() => {
    if (!text) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?${new URLSearchParams({ q: text }).toString()}`, {
        signal: controller.signal,
      })
        .then(async (response) => {
          if (!response.ok) return;
          const body = (await response.json()) as { groups: SearchGroup[] };
          setResults({ q: text, groups: body.groups.filter((g) => g.hits.length) });
          setActive(-1);
        })
        // Aborted by the next keystroke, or offline: the last results stay.
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useDismiss(formRef, open, () => setOpen(false));

  const groups = results && results.q === text ? results.groups : null;
  const expanded = open && groups !== null;
  // Every hit, then "all results": the order the arrow keys walk.
  const options: SearchHit[] = [
    ...(groups ?? []).flatMap((g) => g.hits),
    { title: s.showAllResults(text), detail: null, href: searchHref(text), isPrivate: false },
  ];
  const optionId = (index: number) => `${id}-option-${index}`;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const n = options.length;
      setActive((i) => (event.key === "ArrowDown" ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
      event.preventDefault();
      go(options[active].href);
    } else if (event.key === "Escape") {
      // The first Escape closes the list, the next one clears the box.
      if (expanded) setOpen(false);
      else setQ("");
    }
  };

  // Where each group's options start in `options`.
  const starts = (groups ?? []).map((_, g) =>
    (groups ?? []).slice(0, g).reduce((sum, group) => sum + group.hits.length, 0),
  );
  const option = (hit: SearchHit, i: number) => {
    return (
      <li
        key={hit.href}
        id={optionId(i)}
        role="option"
        aria-selected={i === active}
        className={cn(
          "flex cursor-pointer flex-col rounded px-2 py-1.5 text-sm",
          i === active ? "bg-muted" : "hover:bg-muted",
        )}
        // Keeps focus in the box, so the list does not close before the click lands.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => go(hit.href)}
      >
        <span className="truncate font-medium">
          {hit.title}
          {hit.isPrivate ? (
            <span className="text-muted-foreground ml-2 text-xs font-normal">{s.private}</span>
          ) : null}
        </span>
        {hit.detail ? (
          <span className="text-muted-foreground truncate text-xs">{hit.detail}</span>
        ) : null}
      </li>
    );
  };

  return (
    <form
      ref={formRef}
      action="/search"
      role="search"
      className={cn("relative", className)}
      onSubmit={(event) => {
        event.preventDefault();
        if (text) go(searchHref(text));
      }}
    >
      <input
        name="q"
        // Not type="search": Chromium clears such a box on Escape, which must only close the list.
        type="text"
        inputMode="search"
        enterKeyHint="search"
        value={q}
        onChange={(event) => {
          setQ(event.target.value);
          // A highlighted option belongs to what was typed before: Enter must not open it now.
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        placeholder={s.placeholder}
        aria-label={s.label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        className={inputClassName}
      />
      {expanded ? (
        <ul
          id={`${id}-listbox`}
          role="listbox"
          aria-label={s.label}
          className="bg-card absolute inset-x-0 top-full z-50 mt-1 max-h-[70vh] overflow-y-auto rounded-md border p-1 shadow-lg md:min-w-96"
        >
          {groups.map((group, g) => (
            <li key={group.type} role="presentation">
              <ul role="group" aria-labelledby={`${id}-${group.type}`}>
                <li
                  id={`${id}-${group.type}`}
                  role="presentation"
                  className="text-muted-foreground px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide uppercase"
                >
                  {s.groups[group.type]}
                </li>
                {group.hits.map((hit, h) => option(hit, starts[g]! + h))}
              </ul>
            </li>
          ))}
          {groups.length ? null : (
            <li role="presentation" className="text-muted-foreground px-2 py-1.5 text-sm">
              {s.noResults}
            </li>
          )}
          {option(options[options.length - 1]!, options.length - 1)}
        </ul>
      ) : null}
    </form>
  );
}

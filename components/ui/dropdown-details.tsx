"use client";

import { useCallback, useRef, useState, type DetailsHTMLAttributes } from "react";

import { useDismiss } from "./use-dismiss";

/**
 * A `<details>` dropdown that also closes on Escape (focus back on its summary), an outside click
 * or a click on a link in it (a client-side navigation keeps the layout, and so the open menu).
 */
export function DropdownDetails(props: DetailsHTMLAttributes<HTMLDetailsElement>) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback((viaKeyboard: boolean) => {
    const details = ref.current;
    if (!details) return;
    details.open = false;
    if (viaKeyboard) details.querySelector("summary")?.focus();
  }, []);
  useDismiss(ref, open, close);
  return (
    <details
      ref={ref}
      {...props}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onClick={(e) => {
        props.onClick?.(e);
        if ((e.target as Element).closest("a[href]")) close(false);
      }}
    />
  );
}

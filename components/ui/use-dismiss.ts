"use client";

import { useEffect, type RefObject } from "react";

/**
 * While `open`, calls `onDismiss` on Escape or a press outside `ref`, as menus and popovers
 * close. `viaKeyboard` tells whether to move focus back to the control that opened it.
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  onDismiss: (viaKeyboard: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const dismiss = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key === "Escape") onDismiss(true);
      } else if (!ref.current?.contains(event.target as Node)) onDismiss(false);
    };
    document.addEventListener("mousedown", dismiss);
    document.addEventListener("keydown", dismiss);
    return () => {
      document.removeEventListener("mousedown", dismiss);
      document.removeEventListener("keydown", dismiss);
    };
  }, [ref, open, onDismiss]);
}

"use client";

import { useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";

import { Button } from "./button";
import { cn } from "./cn";
import { uiStrings } from "./strings";

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-http deployments have no async clipboard API; fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({
  text,
  label,
  className,
}: {
  text: string;
  label?: string;
  className?: string;
}) {
  const s = useStrings(uiStrings);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      variant="secondary"
      size="sm"
      className={cn("shrink-0", className)}
      aria-label={label ? `${s.copy}: ${label}` : s.copy}
      onClick={async () => {
        try {
          await writeClipboard(text);
          setState("copied");
        } catch {
          setState("failed");
        }
        setTimeout(() => setState("idle"), 2000);
      }}
    >
      <span aria-live="polite">
        {state === "copied" ? s.copied : state === "failed" ? s.copyFailed : s.copy}
      </span>
    </Button>
  );
}

/** A command or value in monospace with its copy button. */
export function CopyField({ text, label }: { text: string; label?: string }) {
  return (
    <div className="bg-subtle flex items-start gap-2 rounded-md border p-2">
      <code
        className="min-w-0 flex-1 px-1 py-1 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap"
        data-testid="copy-text"
      >
        {text}
      </code>
      <CopyButton text={text} label={label} />
    </div>
  );
}

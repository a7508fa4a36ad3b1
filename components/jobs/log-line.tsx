import { memo, type CSSProperties } from "react";

import type { LogColor, LogLine, LogStyle } from "@/lib/jobs/log-text";

// The log panel is dark in both themes (like a terminal), so the palette is tuned for a dark
// background. Class names are listed in full for Tailwind.
const fgClasses = [
  "text-slate-500",
  "text-red-400",
  "text-green-400",
  "text-yellow-300",
  "text-blue-400",
  "text-fuchsia-400",
  "text-cyan-400",
  "text-slate-200",
  "text-slate-400",
  "text-red-300",
  "text-green-300",
  "text-yellow-200",
  "text-blue-300",
  "text-fuchsia-300",
  "text-cyan-300",
  "text-white",
];
const bgClasses = [
  "bg-slate-800",
  "bg-red-800",
  "bg-green-800",
  "bg-yellow-700",
  "bg-blue-800",
  "bg-fuchsia-800",
  "bg-cyan-800",
  "bg-slate-300",
  "bg-slate-600",
  "bg-red-600",
  "bg-green-600",
  "bg-yellow-500",
  "bg-blue-600",
  "bg-fuchsia-600",
  "bg-cyan-600",
  "bg-white",
];

function colour(value: LogColor | undefined, classes: string[], prop: "color" | "backgroundColor") {
  if (value === undefined) return { className: "", style: {} };
  if (typeof value === "number") return { className: classes[value] ?? "", style: {} };
  return { className: "", style: { [prop]: value } as CSSProperties };
}

function spanProps(style: LogStyle) {
  // Inverse video swaps the colours; without explicit ones it uses the panel's own.
  const fgValue = style.inverse ? (style.bg ?? 0) : style.fg;
  const bgValue = style.inverse ? (style.fg ?? 7) : style.bg;
  const fg = colour(fgValue, fgClasses, "color");
  const bg = colour(bgValue, bgClasses, "backgroundColor");
  const className = [
    fg.className,
    bg.className,
    style.bold ? "font-bold" : "",
    style.dim ? "opacity-70" : "",
    style.italic ? "italic" : "",
    style.underline ? "underline" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { className: className || undefined, style: { ...fg.style, ...bg.style } };
}

/** One line of the log; complete lines never change, so memo skips them on every append. */
export const LogLineRow = memo(function LogLineRow({ line }: { line: LogLine }) {
  return (
    <div className="min-h-[1.25rem] [overflow-wrap:anywhere] whitespace-pre-wrap">
      {line.spans.map((span, i) =>
        span.style ? (
          <span key={i} {...spanProps(span.style)}>
            {span.text}
          </span>
        ) : (
          span.text
        ),
      )}
    </div>
  );
});

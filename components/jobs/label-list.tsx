import type { Labels } from "@/lib/jobs/protocol";

/** `key=value` chips; wraps on narrow screens. */
export function LabelList({ labels, empty }: { labels: Labels; empty?: string }) {
  const entries = Object.entries(labels);
  if (!entries.length) return <span className="text-muted-foreground">{empty ?? "—"}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([key, value]) => (
        <li key={key} className="bg-muted rounded px-1.5 py-0.5 font-mono text-xs">
          {key}={value}
        </li>
      ))}
    </ul>
  );
}

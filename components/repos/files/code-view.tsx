import type { Root } from "hast";

import "../markdown.css";
import { HastView } from "./hast-view";

/** A source file with line numbers; highlighted when the language is known and the file small enough. */
export function CodeView({
  text,
  highlighted,
  lines,
}: {
  text: string;
  highlighted: Root | null;
  lines: number;
}) {
  const numbers = Array.from({ length: Math.max(lines, 1) }, (_, i) => i + 1).join("\n");
  return (
    <div className="flex overflow-hidden text-[0.8125rem] leading-5" data-testid="code-view">
      <pre
        aria-hidden
        className="bg-subtle text-muted-foreground shrink-0 border-r px-3 py-3 text-right font-mono select-none"
      >
        {numbers}
      </pre>
      <pre className="min-w-0 flex-1 overflow-x-auto px-4 py-3 font-mono">
        <code className="hljs">{highlighted ? <HastView tree={highlighted} /> : text}</code>
      </pre>
    </div>
  );
}

/** A sentence from a strings file in which `backticked` spans are code: shown as <code>, without the backticks. */
export function CodeText({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="bg-muted rounded px-1 py-0.5 font-mono text-[0.85em]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

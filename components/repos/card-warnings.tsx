/** A card's metadata problems, shown above the card (never instead of it). */
export function CardWarnings({ title, warnings }: { title: string; warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      role="note"
      className="border-warning/40 bg-warning/10 mb-6 rounded-lg border px-4 py-3 text-sm"
      data-testid="card-warnings"
    >
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}

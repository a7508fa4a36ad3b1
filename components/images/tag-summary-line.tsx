import type { ImageTagSummary } from "@/lib/images/catalog/catalog";

import { frameworkLabel, hardwareLabels } from "./labels";

/** "NPU · Python 3.9 · CANN 8.0.rc2.beta1 · PyTorch 2.1.0 · openMind 0.8.0" for a tag. */
function tagSummaryParts(tag: ImageTagSummary): string[] {
  if (!tag.grammar) return [];
  return [
    tag.hardware ? hardwareLabels[tag.hardware] : null,
    tag.python ? `Python ${tag.python}` : null,
    tag.cann ? `CANN ${tag.cann}` : null,
    ...tag.frameworks.map((f) => `${frameworkLabel(f.name)} ${f.version}`),
    tag.openmind ? `openMind ${tag.openmind}` : null,
  ].filter((p): p is string => p !== null);
}

export function TagSummaryLine({ tag }: { tag: ImageTagSummary }) {
  const parts = tagSummaryParts(tag);
  if (!parts.length) return null;
  return <span className="text-muted-foreground text-xs">{parts.join(" · ")}</span>;
}

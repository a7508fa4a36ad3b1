import { Badge } from "@/components/ui/badge";
import type { ImageSource } from "@/db/schema/image-enums";

import type { ImageStrings } from "./strings";

/** Where a tag can be pulled: this hub (once pushed here) and the upstream registries that publish it. */
export function Availability({
  availableLocally,
  sources,
  s,
}: {
  availableLocally: boolean;
  sources: ImageSource[];
  s: ImageStrings;
}) {
  if (!availableLocally && !sources.length)
    return (
      <span className="text-muted-foreground" data-testid="availability" data-here="no">
        {s.notPublished}
      </span>
    );
  return (
    <span
      className="inline-flex flex-wrap items-center gap-1"
      data-testid="availability"
      data-here={availableLocally ? "yes" : "no"}
    >
      {availableLocally ? (
        <Badge tone="success">{s.thisHub}</Badge>
      ) : (
        <span className="text-muted-foreground text-xs">{s.upstreamOnly}:</span>
      )}
      {sources.map((source) => (
        <Badge key={source} className="font-mono font-normal">
          {source}
        </Badge>
      ))}
    </span>
  );
}

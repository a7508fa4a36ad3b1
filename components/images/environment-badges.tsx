import { Badge } from "@/components/ui/badge";

import type { ImageStrings } from "./strings";

/** Whether a tag is offered to Spaces and to model CI. */
export function EnvironmentBadges({
  space,
  modelCi,
  s,
}: {
  space: boolean;
  modelCi: boolean;
  s: ImageStrings;
}) {
  if (!space && !modelCi) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {space ? (
        <Badge tone="brand" title={s.spaceEnvironment}>
          {s.space}
        </Badge>
      ) : null}
      {modelCi ? (
        <Badge tone="success" title={s.modelCiEnvironment}>
          {s.modelCi}
        </Badge>
      ) : null}
    </span>
  );
}

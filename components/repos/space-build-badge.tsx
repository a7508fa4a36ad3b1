import type { ComponentProps } from "react";

import { Badge } from "@/components/ui/badge";
import type { SpaceBuildState } from "@/db/schema/spaces";

const tones = {
  none: "neutral",
  queued: "neutral",
  building: "neutral",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
  config_error: "warning",
} as const;

/** A Space's build state (the label comes from `spaceAppStrings.buildStates`). */
export function SpaceBuildBadge({
  state,
  ...props
}: Omit<ComponentProps<typeof Badge>, "tone"> & { state: SpaceBuildState }) {
  return <Badge tone={tones[state]} data-state={state} {...props} />;
}

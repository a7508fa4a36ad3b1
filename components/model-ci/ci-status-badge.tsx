import { Badge } from "@/components/ui/badge";
import type { ModelCiRecord } from "@/lib/model-ci/results";

const tones = {
  queued: "neutral",
  running: "brand",
  success: "success",
  failed: "danger",
  stopped: "warning",
} as const;

export function CiStatusBadge({
  status,
  label,
}: {
  status: ModelCiRecord["status"];
  label: string;
}) {
  return (
    <Badge tone={tones[status]} data-testid="ci-status" data-status={status}>
      {label}
    </Badge>
  );
}

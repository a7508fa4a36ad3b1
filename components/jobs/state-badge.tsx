import type { JobState } from "@/db/schema/job-enums";

import { Badge } from "@/components/ui/badge";

const tones = {
  queued: "neutral",
  running: "brand",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
  timed_out: "danger",
  runner_lost: "danger",
} as const satisfies Record<JobState, string>;

/** A job's state as a coloured badge; `label` is the state in the reader's language. */
export function JobStateBadge({ state, label }: { state: JobState; label: string }) {
  return (
    <Badge tone={tones[state]} data-testid="job-state" data-state={state}>
      {state === "running" ? (
        <span aria-hidden className="bg-brand inline-block size-1.5 animate-pulse rounded-full" />
      ) : null}
      {label}
    </Badge>
  );
}

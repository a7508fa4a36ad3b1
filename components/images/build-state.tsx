import type { ImageBuildStepState } from "@/db/schema/image-builds";

import { Badge } from "@/components/ui/badge";

const buildTones = { running: "brand", succeeded: "success", failed: "danger" } as const;

export function BuildStateBadge({
  state,
  label,
}: {
  state: keyof typeof buildTones;
  label: string;
}) {
  return (
    <Badge tone={buildTones[state]} data-testid="build-state" data-state={state}>
      {label}
    </Badge>
  );
}

/** Node and arch-job colours: the stack's states, from waiting (grey) to pushed (green). */
export const stepColors: Record<ImageBuildStepState, string> = {
  waiting: "border-l-slate-300 bg-slate-500/5",
  queued: "border-l-slate-500 bg-slate-500/10",
  building: "border-l-sky-500 bg-sky-500/10",
  pushed: "border-l-emerald-500 bg-emerald-500/10",
  reused: "border-l-teal-400 bg-teal-500/5",
  failed: "border-l-rose-500 bg-rose-500/10",
  blocked: "border-l-amber-500 bg-amber-500/10",
};

const stepTones = {
  waiting: "neutral",
  queued: "neutral",
  building: "brand",
  pushed: "success",
  reused: "success",
  failed: "danger",
  blocked: "warning",
} as const satisfies Record<ImageBuildStepState, string>;

export function StepStateBadge({ state, label }: { state: ImageBuildStepState; label: string }) {
  return (
    <Badge tone={stepTones[state]} data-testid="step-state" data-state={state}>
      {label}
    </Badge>
  );
}

"use client";

import { pauseSpaceAction, restartSpaceAction } from "@/app/_repo-actions/space";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { spaceAppStrings } from "./space-strings";

const actions = {
  restart: restartSpaceAction,
  resume: restartSpaceAction,
  pause: pauseSpaceAction,
};

/** Restart, Resume or Pause of the Space's app, for its writers. */
export function SpaceRunButton({
  owner,
  name,
  does,
}: {
  owner: string;
  name: string;
  does: keyof typeof actions;
}) {
  const s = useStrings(spaceAppStrings);
  const { state, onSubmit, pending } = useFormAction(actions[does]);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="owner" value={owner} />
      <input type="hidden" name="name" value={name} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        data-testid={`space-${does}`}
      >
        {pending ? s.working : s[does]}
      </Button>
      {state.status === "error" ? (
        <span className="text-danger text-xs">{state.message}</span>
      ) : null}
    </form>
  );
}

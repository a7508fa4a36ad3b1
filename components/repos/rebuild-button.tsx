"use client";

import { rebuildSpaceAction } from "@/app/_repo-actions/space";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { spaceAppStrings } from "./space-strings";

/**
 * "Rebuild" for the Space's writers: a new build of its head commit; "Factory rebuild" (`factory`)
 * builds it with no cached layer.
 */
export function RebuildButton({
  owner,
  name,
  factory = false,
}: {
  owner: string;
  name: string;
  factory?: boolean;
}) {
  const s = useStrings(spaceAppStrings);
  const { state, onSubmit, pending } = useFormAction(rebuildSpaceAction);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="owner" value={owner} />
      <input type="hidden" name="name" value={name} />
      {factory ? <input type="hidden" name="factory" value="true" /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? s.rebuilding : factory ? s.factoryRebuild : s.rebuild}
      </Button>
      {state.status === "error" ? (
        <span className="text-danger text-xs">{state.message}</span>
      ) : null}
    </form>
  );
}

"use client";

import { removeRunnerAction, revokeRunnerTokenAction } from "@/app/runners/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { jobStrings } from "./strings";

export function RemoveRunnerButton({ runnerId, name }: { runnerId: number; name: string }) {
  const s = useStrings(jobStrings);
  const { state, onSubmit, pending } = useFormAction(removeRunnerAction, {
    confirm: () => window.confirm(s.confirmRemove(name)),
  });
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="runnerId" value={runnerId} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={`${s.remove} ${name}`}
      >
        {pending ? s.removing : s.remove}
      </Button>
      {state.status === "error" ? (
        <span className="text-danger text-xs">{state.message}</span>
      ) : null}
    </form>
  );
}

export function RevokeRunnerTokenButton({ tokenId, prefix }: { tokenId: number; prefix: string }) {
  const s = useStrings(jobStrings);
  const { state, onSubmit, pending } = useFormAction(revokeRunnerTokenAction, {
    confirm: () => window.confirm(s.confirmRevoke),
  });
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={`${s.revoke} ${prefix}`}
      >
        {pending ? s.revoking : s.revoke}
      </Button>
      {state.status === "error" ? (
        <span className="text-danger text-xs">{state.message}</span>
      ) : null}
    </form>
  );
}

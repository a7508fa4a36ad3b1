"use client";

import { revokeTokenAction } from "@/app/settings/tokens/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { settingsStrings } from "./strings";

export function RevokeTokenButton({ tokenId, tokenName }: { tokenId: number; tokenName: string }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(revokeTokenAction, {
    confirm: () => window.confirm(s.confirmRevoke),
  });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={`${s.revoke} ${tokenName}`}
      >
        {pending ? s.revoking : s.revoke}
      </Button>
      {state.status === "error" ? (
        <span className="text-danger ml-2 text-xs">{state.message}</span>
      ) : null}
    </form>
  );
}

"use client";

import { leaveOrgAction } from "@/app/organizations/[org]/members/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { orgStrings } from "./strings";

export function LeaveOrgButton({ org }: { org: string }) {
  const s = useStrings(orgStrings);
  const { state, onSubmit, pending } = useFormAction(leaveOrgAction, {
    confirm: () => window.confirm(s.confirmLeave),
  });
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="org" value={org} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {s.leave}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="text-danger text-xs">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { changeRoleAction, removeMemberAction } from "@/app/organizations/[org]/members/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MemberRole } from "@/db/schema/enums";

import { orgStrings } from "./strings";

export function MemberRowActions({
  org,
  username,
  role,
}: {
  org: string;
  username: string;
  role: MemberRole;
}) {
  const s = useStrings(orgStrings);
  const {
    state: roleState,
    onSubmit: changeRole,
    pending: changing,
  } = useFormAction(changeRoleAction);
  const {
    state: removeState,
    onSubmit: remove,
    pending: removing,
  } = useFormAction(removeMemberAction, {
    confirm: () => window.confirm(s.confirmRemove),
  });
  const error =
    roleState.status === "error"
      ? roleState.message
      : removeState.status === "error"
        ? removeState.message
        : null;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form onSubmit={changeRole}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="username" value={username} />
        <Select
          name="role"
          defaultValue={role}
          disabled={changing}
          aria-label={`${s.role}: ${username}`}
          className="h-8 w-28 py-1"
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          {(["read", "write", "admin"] as const).map((r) => (
            <option key={r} value={r}>
              {s.roles[r]}
            </option>
          ))}
        </Select>
      </form>
      <form onSubmit={remove}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="username" value={username} />
        <Button
          type="submit"
          variant="secondary"
          size="sm"
          disabled={removing}
          aria-label={`${s.remove} ${username}`}
        >
          {s.remove}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-danger w-full text-right text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}

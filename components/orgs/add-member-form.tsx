"use client";

import { useEffect, useRef } from "react";

import { addMemberAction } from "@/app/organizations/[org]/members/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input, Select } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { orgStrings } from "./strings";

export function AddMemberForm({ org }: { org: string }) {
  const s = useStrings(orgStrings);
  const { state, onSubmit, pending } = useFormAction(addMemberAction);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={s.addMember}>
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field id="member-username" label={s.username} errors={errors("username")}>
          <Input
            {...fieldAria("member-username", errors("username"))}
            name="username"
            required
            maxLength={39}
          />
        </Field>
        <Field id="member-role" label={s.role} errors={errors("role")}>
          <Select id="member-role" name="role" defaultValue="read">
            {(["read", "write", "admin"] as const).map((role) => (
              <option key={role} value={role}>
                {s.roles[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? s.adding : s.addMember}
        </Button>
      </div>
      <p className="text-muted-foreground text-xs">{s.roleHelp}</p>
      <FormMessage state={state} success={s.added} />
    </form>
  );
}

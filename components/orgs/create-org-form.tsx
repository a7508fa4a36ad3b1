"use client";

import { createOrgAction } from "@/app/organizations/new/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { orgStrings } from "./strings";

export function CreateOrgForm() {
  const s = useStrings(orgStrings);
  const { state, onSubmit, pending } = useFormAction(createOrgAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="org-name" label={s.name} hint={s.nameHint} errors={errors("name")}>
        <Input
          {...fieldAria("org-name", errors("name"))}
          name="name"
          required
          maxLength={39}
          autoFocus
        />
      </Field>
      <Field id="org-display-name" label={s.displayName} errors={errors("displayName")}>
        <Input
          {...fieldAria("org-display-name", errors("displayName"))}
          name="displayName"
          maxLength={64}
        />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? s.creating : s.create}
      </Button>
    </form>
  );
}

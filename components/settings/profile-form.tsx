"use client";

import { updateProfileAction } from "@/app/settings/profile/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input, Textarea } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { settingsStrings } from "./strings";

export function ProfileForm({ displayName, bio }: { displayName: string; bio: string }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(updateProfileAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form onSubmit={onSubmit} className="max-w-lg space-y-4">
      <Field id="displayName" label={s.displayName} errors={errors("displayName")}>
        <Input
          {...fieldAria("displayName", errors("displayName"))}
          name="displayName"
          defaultValue={displayName}
          maxLength={64}
        />
      </Field>
      <Field id="bio" label={s.bio} errors={errors("bio")}>
        <Textarea
          {...fieldAria("bio", errors("bio"))}
          name="bio"
          defaultValue={bio}
          rows={4}
          maxLength={400}
        />
      </Field>
      <FormMessage state={state} success={s.saved} />
      <Button type="submit" disabled={pending}>
        {pending ? s.saving : s.save}
      </Button>
    </form>
  );
}

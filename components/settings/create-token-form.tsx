"use client";

import { createTokenAction } from "@/app/settings/tokens/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { Field, fieldAria, Input } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { settingsStrings } from "./strings";

export function CreateTokenForm() {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(createTokenAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start"
        aria-label={s.newToken}
      >
        <div className="space-y-4">
          <Field id="token-name" label={s.tokenName} hint={s.tokenNameHint} errors={errors("name")}>
            <Input
              {...fieldAria("token-name", errors("name"))}
              name="name"
              maxLength={64}
              required
            />
          </Field>
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium">{s.scope}</legend>
            {(["read", "write"] as const).map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="radio" name="scope" value={scope} defaultChecked={scope === "read"} />
                {scope === "read" ? s.scopeRead : s.scopeWrite}
              </label>
            ))}
            {errors("scope") ? <p className="text-danger text-xs">{errors("scope")}</p> : null}
          </fieldset>
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-7">
          {pending ? s.creating : s.create}
        </Button>
      </form>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {state.status === "success" ? (
        <div
          className="border-success/40 bg-success/5 space-y-2 rounded-md border p-4"
          data-testid="new-token"
        >
          <p className="text-sm font-medium" role="status">
            {s.tokenCreated}
          </p>
          <CopyField text={state.data.token} label={s.yourToken} />
        </div>
      ) : null}
    </div>
  );
}

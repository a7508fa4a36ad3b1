"use client";

import { createRunnerTokenAction } from "@/app/runners/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { Field, fieldAria, Input, Select } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { registerCommand } from "@/lib/jobs/register-command";

import { jobStrings } from "./strings";

/** Creates a registration token and shows it once, with the commands that register a runner. */
export function CreateRunnerTokenForm() {
  const s = useStrings(jobStrings);
  const { state, onSubmit, pending } = useFormAction(createRunnerTokenAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        aria-label={s.createToken}
        className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
      >
        <Field
          id="token-description"
          label={s.fieldDescription}
          hint={s.fieldDescriptionHint}
          errors={errors("description")}
        >
          <Input
            {...fieldAria("token-description", errors("description"))}
            name="description"
            maxLength={200}
          />
        </Field>
        <Field id="token-uses" label={s.fieldUses} errors={errors("uses")}>
          <Select id="token-uses" name="uses" defaultValue="1">
            <option value="1">{s.usesOne}</option>
            <option value="10">{s.usesTen}</option>
            <option value="unlimited">{s.usesUnlimited}</option>
          </Select>
        </Field>
        <Field id="token-expires" label={s.fieldExpires} errors={errors("expires")}>
          <Select id="token-expires" name="expires" defaultValue="86400">
            <option value="3600">{s.expiresHour}</option>
            <option value="86400">{s.expiresDay}</option>
            <option value="604800">{s.expiresWeek}</option>
            <option value="never">{s.expiresNever}</option>
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? s.creatingToken : s.createToken}
        </Button>
      </form>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      {state.status === "success" ? (
        <div
          className="border-success/40 bg-success/5 space-y-3 rounded-md border p-4"
          data-testid="new-registration-token"
        >
          <p className="text-sm font-medium" role="status">
            {s.tokenCreated}
          </p>
          <div data-testid="registration-token">
            <CopyField text={state.data.token} label={s.tokenLabel} />
          </div>
          <p className="text-sm">{s.registerCommand}</p>
          <div data-testid="register-command">
            <CopyField
              text={registerCommand({
                url: state.data.url,
                token: state.data.token,
                executor: "shell",
              })}
              label={s.registerCommand}
            />
          </div>
          <p className="text-sm">{s.registerCommandNpu}</p>
          <div data-testid="register-command-npu">
            <CopyField
              text={registerCommand({
                url: state.data.url,
                token: state.data.token,
                executor: "docker",
                npus: { devices: [0, 1, 2, 3, 4, 5, 6, 7], chip: "910b" },
              })}
              label={s.registerCommandNpu}
            />
          </div>
          <p className="text-sm">{s.registerThenRun}</p>
          <CopyField text="npm run runner -- run" label={s.registerThenRun} />
        </div>
      ) : null}
    </div>
  );
}

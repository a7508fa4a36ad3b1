"use client";

import { runDiagnosticAction } from "@/app/runners/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input, Textarea } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { jobStrings } from "./strings";

/** Queues a diagnostic script on runners matching the labels; the action opens the job's page. */
export function DiagnosticForm() {
  const s = useStrings(jobStrings);
  const { state, onSubmit, pending } = useFormAction(runDiagnosticAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form onSubmit={onSubmit} aria-label={s.diagnosticHeading} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <Field
          id="diag-labels"
          label={s.fieldLabels}
          hint={s.fieldLabelsHint}
          errors={errors("labels")}
        >
          <Input
            {...fieldAria("diag-labels", errors("labels"))}
            name="labels"
            defaultValue="hardware=cpu"
            required
            className="font-mono"
          />
        </Field>
        <Field
          id="diag-image"
          label={s.fieldImage}
          hint={s.fieldImageHint}
          errors={errors("image")}
        >
          <Input
            {...fieldAria("diag-image", errors("image"))}
            name="image"
            placeholder="quay.io/ascend/cann:8.0.0-910b-ubuntu22.04-py3.10"
            className="font-mono"
          />
        </Field>
        <Field id="diag-npus" label={s.fieldNpus} errors={errors("npuCount")}>
          <Input
            {...fieldAria("diag-npus", errors("npuCount"))}
            name="npuCount"
            type="number"
            min={0}
            max={64}
            defaultValue={0}
          />
        </Field>
        <Field
          id="diag-timeout"
          label={s.fieldTimeout}
          hint={s.fieldTimeoutHint}
          errors={errors("timeoutSeconds")}
        >
          <Input
            {...fieldAria("diag-timeout", errors("timeoutSeconds"))}
            name="timeoutSeconds"
            type="number"
            min={1}
            max={86400}
            defaultValue={600}
          />
        </Field>
      </div>
      <Field
        id="diag-script"
        label={s.fieldScript}
        hint={s.fieldScriptHint}
        errors={errors("script")}
      >
        <Textarea
          {...fieldAria("diag-script", errors("script"))}
          name="script"
          rows={5}
          required
          spellCheck={false}
          placeholder="npu-smi info"
          className="font-mono"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? s.queueing : s.runJob}
        </Button>
        {state.status === "error" ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}

"use client";

import { startImageBuildAction } from "@/app/images/builds/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input, Select } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { buildStrings } from "./build-strings";

/** Starts a build of part of the stack (administrators); the action opens its pipeline. */
export function StartBuildForm() {
  const s = useStrings(buildStrings);
  const { state, onSubmit, pending } = useFormAction(startImageBuildAction);
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form onSubmit={onSubmit} aria-label={s.startHeading} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)]">
        <Field id="build-selection" label={s.fieldSelection} errors={errors("selection")}>
          <Select {...fieldAria("build-selection", errors("selection"))} name="selection">
            <option value="tag">{s.selectTag}</option>
            <option value="under">{s.selectUnder}</option>
            <option value="all">{s.selectAll}</option>
          </Select>
        </Field>
        <Field
          id="build-image"
          label={s.fieldImage}
          hint={s.fieldImageHint}
          errors={errors("image")}
        >
          <Input
            {...fieldAria("build-image", errors("image"))}
            name="image"
            className="font-mono"
          />
        </Field>
        <Field
          id="build-arches"
          label={s.fieldArches}
          hint={s.fieldArchesHint}
          errors={errors("arches")}
        >
          <Input
            {...fieldAria("build-arches", errors("arches"))}
            name="arches"
            placeholder="amd64,arm64"
            className="font-mono"
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? s.starting : s.start}
        </Button>
        {state.status === "error" ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}

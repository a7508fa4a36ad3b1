"use client";

import { createRepoAction } from "@/app/_repo-actions/create";
import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { VisibilityChoice } from "@/components/ui/settings-parts";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  commonFrameworks,
  commonHardware,
  commonLicenses,
  commonTasks,
} from "@/lib/repos/card/licenses";
import { repoKinds, type CreateField, type HostedRepoType } from "@/lib/repos/kinds";

import type { BaseImageOption } from "@/lib/repos/space-base-images";

import { createStrings } from "./create-strings";
import { taskLabel } from "./labels";
import { SpaceCreateFields } from "./space-create-fields";

function Checks({
  name,
  legend,
  values,
}: {
  name: string;
  legend: string;
  values: readonly string[];
}) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {values.map((value) => (
          <label key={value} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={value} /> {value}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Owner, name, license, visibility and optional labels; the server action creates it and opens it. */
export function CreateRepoForm({
  type,
  owners,
  defaultOwner,
  baseImages = [],
}: {
  type: HostedRepoType;
  owners: string[];
  defaultOwner: string;
  /** A Space's base environments to pick from. */
  baseImages?: BaseImageOption[];
}) {
  const s = useStrings(createStrings);
  const locale = useLocale();
  const { state, onSubmit, pending } = useFormAction(createRepoAction);
  const errors = (field: string) => fieldErrors(state, field);
  const fields: readonly CreateField[] = repoKinds[type].createFields;
  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <input type="hidden" name="type" value={type} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto_minmax(0,2fr)] sm:items-start">
        <Field id="repo-owner" label={s.owner} hint={s.ownerHint} errors={errors("owner")}>
          <Select
            {...fieldAria("repo-owner", errors("owner"))}
            name="owner"
            defaultValue={defaultOwner}
          >
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </Select>
        </Field>
        <span aria-hidden className="text-muted-foreground hidden pt-8 text-lg sm:block">
          /
        </span>
        <Field id="repo-name" label={s.name} hint={s.nameHint} errors={errors("name")}>
          <Input
            {...fieldAria("repo-name", errors("name"))}
            name="name"
            required
            maxLength={96}
            autoFocus
            autoComplete="off"
          />
        </Field>
      </div>
      <Field id="repo-desc" label={s.description} errors={errors("description")}>
        <Input
          {...fieldAria("repo-desc", errors("description"))}
          name="description"
          maxLength={300}
        />
      </Field>
      <Field id="repo-license" label={s.license} errors={errors("license")}>
        <Select id="repo-license" name="license" defaultValue="apache-2.0">
          {commonLicenses.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
      </Field>
      <VisibilityChoice strings={s} isPrivate={false} legend />
      {fields.includes("space") ? <SpaceCreateFields baseImages={baseImages} /> : null}
      {fields.includes("task") ? (
        <fieldset className="space-y-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{s.labels}</legend>
          <p className="text-muted-foreground text-xs">{s.labelsHint}</p>
          <Field id="repo-task" label={s.task}>
            <Select id="repo-task" name="task" defaultValue="">
              <option value="">{s.noTask}</option>
              {commonTasks.map((task) => (
                <option key={task} value={task}>
                  {taskLabel(task, locale)}
                </option>
              ))}
            </Select>
          </Field>
          {fields.includes("frameworks") ? (
            <Checks name="frameworks" legend={s.frameworks} values={commonFrameworks} />
          ) : null}
          {fields.includes("hardware") ? (
            <Checks name="hardware" legend={s.hardware} values={commonHardware} />
          ) : null}
        </fieldset>
      ) : null}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? s.creating : s.create[type]}
      </Button>
    </form>
  );
}

"use client";

import { deleteSpaceVariableAction, setSpaceVariableAction } from "@/app/_repo-actions/space";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { SpaceVariableKind } from "@/db/schema/enums";

import { spaceVariableStrings } from "../space-variable-strings";

type Space = { owner: string; name: string };

/** The variable forms' fields naming the Space (`name` is the variable's own). */
function SpaceFields({ space }: { space: Space }) {
  return (
    <>
      <input type="hidden" name="owner" value={space.owner} />
      <input type="hidden" name="space" value={space.name} />
    </>
  );
}

/**
 * One variable (its value, editable) or secret (a blank "replace value" field: its value never
 * comes back to the browser), with its delete button.
 */
export function SpaceVariableRow(props: {
  space: Space;
  kind: SpaceVariableKind;
  name: string;
  value: string | null;
}) {
  const s = useStrings(spaceVariableStrings);
  const secret = props.kind === "secret";
  const save = useFormAction(setSpaceVariableAction, { resetOnSuccess: secret });
  const remove = useFormAction(deleteSpaceVariableAction, {
    confirm: () => window.confirm(s.confirmDelete(props.name)),
  });
  const state = remove.state.status === "error" ? remove.state : save.state;
  return (
    <li className="space-y-1 py-2" data-testid={`space-${props.kind}-${props.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-32 text-sm font-medium">{props.name}</code>
        <form onSubmit={save.onSubmit} className="flex flex-1 gap-2">
          <SpaceFields space={props.space} />
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="name" value={props.name} />
          <Input
            name="value"
            type={secret ? "password" : "text"}
            autoComplete="off"
            required
            maxLength={4096}
            defaultValue={props.value ?? undefined}
            aria-label={secret ? s.newValueOf(props.name) : s.valueOf(props.name)}
            className="h-8 flex-1 py-1"
          />
          <Button type="submit" size="sm" variant="secondary" disabled={save.pending}>
            {secret ? s.replace : s.save}
          </Button>
        </form>
        <form onSubmit={remove.onSubmit}>
          <SpaceFields space={props.space} />
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="name" value={props.name} />
          <Button
            type="submit"
            size="sm"
            variant="ghost"
            disabled={remove.pending}
            aria-label={s.deleteNamed(props.name)}
          >
            {s.delete}
          </Button>
        </form>
      </div>
      <FormMessage state={state} success={secret ? s.secretSaved : s.variableSaved} />
    </li>
  );
}

/** Adds a variable or a secret (a secret's value is typed like a password and cleared once saved). */
export function AddSpaceVariableForm({ space, kind }: { space: Space; kind: SpaceVariableKind }) {
  const s = useStrings(spaceVariableStrings);
  const { state, onSubmit, pending } = useFormAction(setSpaceVariableAction, {
    resetOnSuccess: true,
  });
  const errors = (field: string) => fieldErrors(state, field);
  const label = kind === "secret" ? s.addSecret : s.addVariable;
  const id = `space-${kind}-new`;
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={label}>
      <SpaceFields space={space} />
      <input type="hidden" name="kind" value={kind} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <Field id={`${id}-name`} label={s.name} errors={errors("name")}>
          <Input
            {...fieldAria(`${id}-name`, errors("name"))}
            name="name"
            required
            maxLength={64}
            autoComplete="off"
            placeholder="MODEL_ID"
            className="font-mono"
          />
        </Field>
        <Field id={`${id}-value`} label={s.value} errors={errors("value")}>
          <Input
            {...fieldAria(`${id}-value`, errors("value"))}
            name="value"
            type={kind === "secret" ? "password" : "text"}
            required
            maxLength={4096}
            autoComplete="off"
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? s.adding : label}
        </Button>
      </div>
      <FormMessage state={state} success={kind === "secret" ? s.secretSaved : s.variableSaved} />
    </form>
  );
}

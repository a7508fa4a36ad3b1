"use client";

import type { ReactNode } from "react";

import type { ActionResult } from "@/lib/actions/result";

import { Button } from "./button";
import { Card } from "./card";
import { Field, Input, fieldAria } from "./field";
import { FormMessage } from "./form-message";

// The pieces every settings page is made of (repositories, image repositories): a titled section,
// the public/private choice, a save row, and the typed-name confirmation before a delete.

export function SettingsSection(props: {
  id: string;
  title: string;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <Card className={props.danger ? "border-danger/50 p-5" : "p-5"}>
      <section aria-labelledby={`settings-${props.id}`}>
        <h2
          id={`settings-${props.id}`}
          className={props.danger ? "text-danger mb-3 font-semibold" : "mb-3 font-semibold"}
        >
          {props.title}
        </h2>
        {props.children}
      </section>
    </Card>
  );
}

export type VisibilityStrings = {
  visibility: string;
  public: string;
  publicHint: string;
  private: string;
  privateHint: string;
};

/** Public or private, each with what it means; `legend` shows the fieldset's title (else screen readers only). */
export function VisibilityChoice(props: {
  strings: VisibilityStrings;
  isPrivate: boolean;
  legend?: boolean;
}) {
  const s = props.strings;
  return (
    <fieldset className="space-y-2">
      <legend className={props.legend ? "mb-1 text-sm font-medium" : "sr-only"}>
        {s.visibility}
      </legend>
      {(["public", "private"] as const).map((value) => (
        <label key={value} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="visibility"
            value={value}
            defaultChecked={props.isPrivate === (value === "private")}
            className="mt-1"
          />
          <span>
            <span className="font-medium">{value === "public" ? s.public : s.private}</span>
            <span className="text-muted-foreground block">
              {value === "public" ? s.publicHint : s.privateHint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The submit button of a settings form and the outcome beside it. */
export function SaveRow(props: {
  state: ActionResult<unknown>;
  pending: boolean;
  label: string;
  success?: string;
  danger?: boolean;
}) {
  return (
    <div className="flex items-center gap-3">
      <Button
        type="submit"
        size="sm"
        variant={props.danger ? "danger" : undefined}
        disabled={props.pending}
      >
        {props.label}
      </Button>
      <FormMessage state={props.state} success={props.success} />
    </div>
  );
}

/** The field a user types a repository's full name into before deleting it. */
export function ConfirmNameField(props: {
  id: string;
  name: string;
  label: string;
  errors?: string[];
}) {
  return (
    <Field
      id={props.id}
      // A long repository or image name wraps instead of running out of the box.
      label={<span className="[overflow-wrap:anywhere]">{props.label}</span>}
      errors={props.errors}
    >
      <Input
        name="confirm"
        autoComplete="off"
        placeholder={props.name}
        {...fieldAria(props.id, props.errors)}
      />
    </Field>
  );
}

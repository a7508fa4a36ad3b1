"use client";

import {
  deleteImageRepositoryAction,
  deleteImageTagAction,
  setImageVisibilityAction,
  updateImageDescriptionAction,
} from "@/app/_image-actions/settings";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { imageSettingsStrings } from "./settings-strings";

type ImagePath = { namespace: string; name: string };

function Hidden({ path }: { path: ImagePath }) {
  return (
    <>
      <input type="hidden" name="namespace" value={path.namespace} />
      <input type="hidden" name="name" value={path.name} />
    </>
  );
}

function Section(props: {
  id: string;
  title: string;
  children: React.ReactNode;
  danger?: boolean;
}) {
  return (
    <Card className={props.danger ? "border-danger/50 p-5" : "p-5"}>
      <section aria-labelledby={`image-settings-${props.id}`}>
        <h2
          id={`image-settings-${props.id}`}
          className={props.danger ? "text-danger mb-3 font-semibold" : "mb-3 font-semibold"}
        >
          {props.title}
        </h2>
        {props.children}
      </section>
    </Card>
  );
}

export function ImageDescriptionForm({
  path,
  description,
}: {
  path: ImagePath;
  description: string;
}) {
  const s = useStrings(imageSettingsStrings);
  const { state, onSubmit, pending } = useFormAction(updateImageDescriptionAction);
  const errors = fieldErrors(state, "description");
  return (
    <Section id="description" title={s.description}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden path={path} />
        <Field
          id="image-description"
          label={s.description}
          hint={s.descriptionHint}
          errors={errors}
        >
          <Textarea
            name="description"
            rows={3}
            defaultValue={description}
            maxLength={2000}
            {...fieldAria("image-description", errors)}
          />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={pending}>
            {s.save}
          </Button>
          <FormMessage state={state} success={s.saved} />
        </div>
      </form>
    </Section>
  );
}

export function ImageVisibilityForm(props: {
  path: ImagePath;
  isPrivate: boolean;
  ownerKind: "user" | "org";
}) {
  const s = useStrings(imageSettingsStrings);
  const { state, onSubmit, pending } = useFormAction(setImageVisibilityAction);
  return (
    <Section id="visibility" title={s.visibility}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden path={props.path} />
        <fieldset className="space-y-2">
          <legend className="sr-only">{s.visibility}</legend>
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
                  {value === "public" ? s.publicHint : s.privateHint[props.ownerKind]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={pending}>
            {s.save}
          </Button>
          <FormMessage state={state} success={s.visibilitySaved} />
        </div>
      </form>
    </Section>
  );
}

function TagRow({ path, tag }: { path: ImagePath; tag: string }) {
  const s = useStrings(imageSettingsStrings);
  const { state, onSubmit, pending } = useFormAction(deleteImageTagAction, {
    confirm: () => window.confirm(s.confirmDeleteTag(tag)),
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <code className="font-mono text-sm [overflow-wrap:anywhere]">{tag}</code>
      <form onSubmit={onSubmit} className="flex items-center gap-2">
        <Hidden path={path} />
        <input type="hidden" name="tag" value={tag} />
        <FormMessage state={state} success={s.tagDeleted(tag)} />
        <Button
          type="submit"
          variant="danger"
          size="sm"
          disabled={pending}
          aria-label={s.deleteTag(tag)}
        >
          {s.deleteTag(tag)}
        </Button>
      </form>
    </li>
  );
}

export function ImageTagsForm({ path, tags }: { path: ImagePath; tags: string[] }) {
  const s = useStrings(imageSettingsStrings);
  return (
    <Section id="tags" title={s.tags}>
      <p className="text-muted-foreground mb-3 text-sm">{s.tagsHint}</p>
      {tags.length ? (
        <ul className="divide-border divide-y">
          {tags.map((tag) => (
            <TagRow key={tag} path={path} tag={tag} />
          ))}
        </ul>
      ) : (
        <p className="text-sm">{s.noTags}</p>
      )}
    </Section>
  );
}

export function DeleteImageRepositoryForm({ path }: { path: ImagePath }) {
  const s = useStrings(imageSettingsStrings);
  const { state, onSubmit, pending } = useFormAction(deleteImageRepositoryAction);
  const id = `${path.namespace}/${path.name}`;
  const errors = fieldErrors(state, "confirm");
  return (
    <Section id="delete" title={s.danger} danger>
      <p className="text-muted-foreground mb-3 text-sm">{s.dangerHint}</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden path={path} />
        <Field id="image-delete-confirm" label={s.confirmLabel(id)} errors={errors}>
          <Input
            name="confirm"
            autoComplete="off"
            placeholder={id}
            {...fieldAria("image-delete-confirm", errors)}
          />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="danger" size="sm" disabled={pending}>
            {pending ? s.deleting : s.delete}
          </Button>
          <FormMessage state={state} />
        </div>
      </form>
    </Section>
  );
}

"use client";

import {
  deleteImageRepositoryAction,
  deleteImageTagAction,
  setImageVisibilityAction,
  updateImageDescriptionAction,
} from "@/app/_image-actions/settings";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import {
  ConfirmNameField,
  SaveRow,
  SettingsSection,
  VisibilityChoice,
} from "@/components/ui/settings-parts";
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
    <SettingsSection id="description" title={s.description}>
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
        <SaveRow state={state} pending={pending} label={s.save} success={s.saved} />
      </form>
    </SettingsSection>
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
    <SettingsSection id="visibility" title={s.visibility}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden path={props.path} />
        <VisibilityChoice
          strings={{ ...s, privateHint: s.privateHint[props.ownerKind] }}
          isPrivate={props.isPrivate}
        />
        <SaveRow state={state} pending={pending} label={s.save} success={s.visibilitySaved} />
      </form>
    </SettingsSection>
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
    <SettingsSection id="tags" title={s.tags}>
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
    </SettingsSection>
  );
}

export function DeleteImageRepositoryForm({ path }: { path: ImagePath }) {
  const s = useStrings(imageSettingsStrings);
  const { state, onSubmit, pending } = useFormAction(deleteImageRepositoryAction);
  const id = `${path.namespace}/${path.name}`;
  return (
    <SettingsSection id="delete" title={s.danger} danger>
      <p className="text-muted-foreground mb-3 text-sm">{s.dangerHint}</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden path={path} />
        <ConfirmNameField
          id="image-delete-confirm"
          name={id}
          label={s.confirmLabel(id)}
          errors={fieldErrors(state, "confirm")}
        />
        <SaveRow state={state} pending={pending} label={pending ? s.deleting : s.delete} danger />
      </form>
    </SettingsSection>
  );
}

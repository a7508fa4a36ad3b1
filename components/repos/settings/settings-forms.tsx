"use client";

import {
  deleteRepoAction,
  setLicenseAction,
  setVisibilityAction,
  updateDescriptionAction,
} from "@/app/_repo-actions/settings";
import { useStrings } from "@/components/i18n/locale-provider";
import { CodeText } from "@/components/ui/code-text";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-message";
import {
  ConfirmNameField,
  SaveRow,
  SettingsSection,
  VisibilityChoice,
} from "@/components/ui/settings-parts";
import { useFormAction } from "@/components/ui/use-form-action";
import type { RepoType } from "@/db/schema/enums";
import { commonLicenses } from "@/lib/repos/card/licenses";

import { settingsStrings } from "../settings-strings";

type RepoFields = { type: RepoType; owner: string; name: string };

function Hidden({ repo }: { repo: RepoFields }) {
  return (
    <>
      <input type="hidden" name="type" value={repo.type} />
      <input type="hidden" name="owner" value={repo.owner} />
      <input type="hidden" name="name" value={repo.name} />
    </>
  );
}

export function DescriptionForm({ repo, description }: { repo: RepoFields; description: string }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(updateDescriptionAction);
  const errors = fieldErrors(state, "description");
  return (
    <SettingsSection id="description" title={s.description}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <Field id="repo-description" label={s.description} hint={s.descriptionHint} errors={errors}>
          <Input
            name="description"
            defaultValue={description}
            maxLength={300}
            {...fieldAria("repo-description", errors)}
          />
        </Field>
        <SaveRow state={state} pending={pending} label={s.save} success={s.saved} />
      </form>
    </SettingsSection>
  );
}

export function LicenseForm({ repo, license }: { repo: RepoFields; license: string | null }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(setLicenseAction);
  const options =
    license && !(commonLicenses as readonly string[]).includes(license)
      ? [license, ...commonLicenses]
      : commonLicenses;
  const success =
    state.status === "success" && state.data.commit === null ? s.licenseUnchanged : s.licenseSaved;
  return (
    <SettingsSection id="license" title={s.license}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <Field
          id="repo-license"
          label={s.license}
          hint={<CodeText text={s.licenseHint} />}
          errors={fieldErrors(state, "license")}
        >
          <Select id="repo-license" name="license" defaultValue={license ?? "apache-2.0"}>
            {options.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </Select>
        </Field>
        <SaveRow state={state} pending={pending} label={s.save} success={success} />
      </form>
    </SettingsSection>
  );
}

export function VisibilityForm({
  repo,
  isPrivate,
  ownerKind,
}: {
  repo: RepoFields;
  isPrivate: boolean;
  ownerKind: "user" | "org";
}) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(setVisibilityAction);
  return (
    <SettingsSection id="visibility" title={s.visibility}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <VisibilityChoice
          strings={{ ...s, privateHint: s.privateHint[ownerKind] }}
          isPrivate={isPrivate}
        />
        <SaveRow state={state} pending={pending} label={s.save} success={s.visibilitySaved} />
      </form>
    </SettingsSection>
  );
}

export function DeleteRepoForm({ repo }: { repo: RepoFields }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(deleteRepoAction);
  const id = `${repo.owner}/${repo.name}`;
  return (
    <SettingsSection id="delete" title={s.danger} danger>
      <p className="text-muted-foreground mb-3 text-sm">{s.dangerHint}</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <ConfirmNameField
          id="repo-delete-confirm"
          name={id}
          label={s.confirmLabel(id)}
          errors={fieldErrors(state, "confirm")}
        />
        <SaveRow state={state} pending={pending} label={pending ? s.deleting : s.delete} danger />
      </form>
    </SettingsSection>
  );
}

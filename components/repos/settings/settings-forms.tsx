"use client";

import { deleteRepoAction, setLicenseAction, setVisibilityAction, updateDescriptionAction } from "@/app/_repo-actions/settings";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
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

function Section({ id, title, children, danger = false }: { id: string; title: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <Card className={danger ? "border-danger/50 p-5" : "p-5"}>
      <section aria-labelledby={`settings-${id}`}>
        <h2 id={`settings-${id}`} className={danger ? "mb-3 font-semibold text-danger" : "mb-3 font-semibold"}>
          {title}
        </h2>
        {children}
      </section>
    </Card>
  );
}

export function DescriptionForm({ repo, description }: { repo: RepoFields; description: string }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(updateDescriptionAction);
  const errors = fieldErrors(state, "description");
  return (
    <Section id="description" title={s.description}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <Field id="repo-description" label={s.description} hint={s.descriptionHint} errors={errors}>
          <Input name="description" defaultValue={description} maxLength={300} {...fieldAria("repo-description", errors)} />
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

export function LicenseForm({ repo, license }: { repo: RepoFields; license: string | null }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(setLicenseAction);
  const options = license && !(commonLicenses as readonly string[]).includes(license) ? [license, ...commonLicenses] : commonLicenses;
  const success = state.status === "success" && state.data.commit === null ? s.licenseUnchanged : s.licenseSaved;
  return (
    <Section id="license" title={s.license}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <Field id="repo-license" label={s.license} hint={s.licenseHint} errors={fieldErrors(state, "license")}>
          <Select id="repo-license" name="license" defaultValue={license ?? "apache-2.0"}>
            {options.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={pending}>
            {s.save}
          </Button>
          <FormMessage state={state} success={success} />
        </div>
      </form>
    </Section>
  );
}

export function VisibilityForm({ repo, isPrivate, ownerKind }: { repo: RepoFields; isPrivate: boolean; ownerKind: "user" | "org" }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(setVisibilityAction);
  return (
    <Section id="visibility" title={s.visibility}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <fieldset className="space-y-2">
          <legend className="sr-only">{s.visibility}</legend>
          {(["public", "private"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="visibility" value={value} defaultChecked={isPrivate === (value === "private")} className="mt-1" />
              <span>
                <span className="font-medium">{value === "public" ? s.public : s.private}</span>
                <span className="block text-muted-foreground">{value === "public" ? s.publicHint : s.privateHint[ownerKind]}</span>
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

export function DeleteRepoForm({ repo }: { repo: RepoFields }) {
  const s = useStrings(settingsStrings);
  const { state, onSubmit, pending } = useFormAction(deleteRepoAction);
  const id = `${repo.owner}/${repo.name}`;
  const errors = fieldErrors(state, "confirm");
  return (
    <Section id="delete" title={s.danger} danger>
      <p className="mb-3 text-sm text-muted-foreground">{s.dangerHint}</p>
      <form onSubmit={onSubmit} className="space-y-3">
        <Hidden repo={repo} />
        <Field id="repo-delete-confirm" label={s.confirmLabel(id)} errors={errors}>
          <Input name="confirm" autoComplete="off" placeholder={id} {...fieldAria("repo-delete-confirm", errors)} />
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

"use client";

import { startModelCiAction } from "@/app/_repo-actions/model-ci";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";

import { modelCiStrings } from "./strings";

/** Environments (the first checked by default), revision and time limit; writers only. */
export function StartCiForm({
  owner,
  name,
  environments,
}: {
  owner: string;
  name: string;
  environments: { id: string; title: string }[];
}) {
  const s = useStrings(modelCiStrings);
  const { state, onSubmit, pending } = useFormAction(startModelCiAction);
  if (!environments.length)
    return <p className="text-muted-foreground text-sm">{s.noEnvironments}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={s.startTitle}>
      <input type="hidden" name="owner" value={owner} />
      <input type="hidden" name="name" value={name} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{s.environments}</legend>
        {environments.map((env, i) => (
          <label key={env.id} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="environments" value={env.id} defaultChecked={i === 0} />
            <span>
              {env.title}
              <span className="text-muted-foreground block font-mono text-xs">{env.id}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{s.revision}</span>
          <input name="revision" className="rounded border px-2 py-1" placeholder="main" />
          <span className="text-muted-foreground block text-xs">{s.revisionHint}</span>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{s.timeout}</span>
          <input
            name="timeoutMinutes"
            type="number"
            min={1}
            max={120}
            defaultValue={30}
            className="w-24 rounded border px-2 py-1"
          />
        </label>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? s.starting : s.start}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="text-danger text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { createRefAction, deleteRefAction } from "@/app/_repo-actions/refs";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { RepoRef } from "@/lib/hub/types";

import { refStrings } from "./strings";

type RefKind = "branch" | "tag";

function RepoFields({ repo }: { repo: RepoRef }) {
  return (
    <>
      <input type="hidden" name="type" value={repo.type} />
      <input type="hidden" name="owner" value={repo.owner} />
      <input type="hidden" name="repo" value={repo.name} />
    </>
  );
}

/** Refreshes the server-rendered lists once an action succeeded. */
function useRefreshOnSuccess(status: string) {
  const router = useRouter();
  useEffect(() => {
    if (status === "success") router.refresh();
  }, [router, status]);
}

/** Creates a branch or a tag at a revision (writers only; the action checks). */
export function CreateRefForm({ repo, from }: { repo: RepoRef; from: string }) {
  const s = useStrings(refStrings);
  const { state, onSubmit, pending } = useFormAction(createRefAction, { resetOnSuccess: true });
  useRefreshOnSuccess(state.status);
  const nameErrors = fieldErrors(state, "name");
  const fromErrors = fieldErrors(state, "from");
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-labelledby="create-ref-heading">
      <RepoFields repo={repo} />
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr]">
        <Field id="ref-kind" label={s.kind}>
          <Select id="ref-kind" name="kind" defaultValue="branch">
            {(["branch", "tag"] as const).map((kind) => (
              <option key={kind} value={kind}>
                {s.kinds[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="ref-name" label={s.name} hint={s.nameHint} errors={nameErrors}>
          <Input name="name" required maxLength={200} {...fieldAria("ref-name", nameErrors)} />
        </Field>
        <Field id="ref-from" label={s.from} hint={s.fromHint} errors={fromErrors}>
          <Input
            name="from"
            required
            defaultValue={from}
            maxLength={256}
            {...fieldAria("ref-from", fromErrors)}
          />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? s.creating : s.submit}
        </Button>
        <FormMessage
          state={state}
          success={
            state.status === "success" ? s.created(state.data.kind, state.data.name) : undefined
          }
        />
      </div>
    </form>
  );
}

/** Deletes a branch or a tag after a confirmation. */
export function DeleteRefButton({
  repo,
  kind,
  name,
}: {
  repo: RepoRef;
  kind: RefKind;
  name: string;
}) {
  const s = useStrings(refStrings);
  const { state, onSubmit, pending } = useFormAction(deleteRefAction, {
    confirm: () => window.confirm(s.confirmDelete(kind, name)),
  });
  useRefreshOnSuccess(state.status);
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <RepoFields repo={repo} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="name" value={name} />
      {state.status === "error" ? (
        <span role="alert" className="text-danger max-w-xs text-xs">
          {state.message}
        </span>
      ) : null}
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        className="text-danger"
        disabled={pending}
        aria-label={s.deleteLabel(name)}
      >
        {s.delete}
      </Button>
    </form>
  );
}

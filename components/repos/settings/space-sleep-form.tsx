"use client";

import { setSpaceSleepTimeAction } from "@/app/_repo-actions/space";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { spaceAppStrings } from "../space-strings";

/** The idle times a writer picks from ("" is the hardware's default, -1 never). */
const sleepChoices = ["", "900", "3600", "21600", "86400", "172800", "604800", "-1"] as const;

/** How long the Space's app may sit without visitors before it sleeps; writers only. */
export function SpaceSleepForm({
  space,
  chosen,
  defaultHours,
}: {
  space: { owner: string; name: string };
  chosen: number | null;
  defaultHours: number;
}) {
  const s = useStrings(spaceAppStrings);
  const { state, onSubmit, pending } = useFormAction(setSpaceSleepTimeAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="owner" value={space.owner} />
      <input type="hidden" name="name" value={space.name} />
      <label htmlFor="space-sleep" className="text-sm">
        {s.sleepAfter}
      </label>
      <Select
        id="space-sleep"
        name="seconds"
        defaultValue={chosen === null ? "" : String(chosen)}
        className="w-auto"
      >
        {[
          ...sleepChoices,
          // A time set through the API that is not one of the choices stays selectable.
          ...(chosen === null || sleepChoices.includes(String(chosen) as never)
            ? []
            : [String(chosen)]),
        ].map((value) => (
          <option key={value} value={value}>
            {s.sleepChoice(value, defaultHours)}
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {s.save}
      </Button>
      <FormMessage state={state} success={s.saved} />
    </form>
  );
}

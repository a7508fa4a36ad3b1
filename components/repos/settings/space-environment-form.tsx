"use client";

import { useState } from "react";

import { setSpaceEnvironmentAction } from "@/app/_repo-actions/settings";
import { useStrings } from "@/components/i18n/locale-provider";
import { Field, Select } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-message";
import { SaveRow, SettingsSection } from "@/components/ui/settings-parts";
import { useFormAction } from "@/components/ui/use-form-action";
import { spaceHardwareIds, type SpaceHardware } from "@/lib/hub/repos/space-templates";
import type { BaseImageOption } from "@/lib/repos/space-base-images";

import { createStrings } from "../create-strings";
import { settingsStrings } from "../settings-strings";
import { BaseImageOptions } from "../space-create-fields";

/** A Space's hardware and base environment: saving commits them to its card, which rebuilds it. */
export function SpaceEnvironmentForm({
  space,
  hardware: current,
  baseImage,
  baseImages,
  needsBaseImage,
}: {
  space: { owner: string; name: string };
  hardware: SpaceHardware;
  baseImage: string | null;
  baseImages: BaseImageOption[];
  needsBaseImage: boolean;
}) {
  const s = useStrings(settingsStrings);
  const c = useStrings(createStrings);
  const { state, onSubmit, pending } = useFormAction(setSpaceEnvironmentAction);
  const [hardware, setHardware] = useState<SpaceHardware>(current);
  return (
    <SettingsSection id="space-environment" title={s.spaceEnvironment}>
      <form onSubmit={onSubmit} className="space-y-3">
        <input type="hidden" name="owner" value={space.owner} />
        <input type="hidden" name="name" value={space.name} />
        <p className="text-muted-foreground text-sm">{s.spaceEnvironmentHint}</p>
        <Field
          id="settings-hardware"
          label={c.spaceHardware}
          errors={fieldErrors(state, "hardware")}
        >
          <Select
            id="settings-hardware"
            name="hardware"
            value={hardware}
            onChange={(event) => setHardware(event.target.value as SpaceHardware)}
          >
            {spaceHardwareIds.map((id) => (
              <option key={id} value={id}>
                {c.hardwareNames[id]}
              </option>
            ))}
          </Select>
        </Field>
        {needsBaseImage ? (
          <Field
            id="settings-base-image"
            label={c.baseImage}
            hint={c.baseImageHint}
            errors={fieldErrors(state, "baseImage")}
          >
            <BaseImageOptions
              id="settings-base-image"
              options={baseImages.filter((option) => option.hardware === hardware)}
              defaultValue={baseImage ?? ""}
              key={hardware}
            />
          </Field>
        ) : null}
        <SaveRow state={state} pending={pending} label={s.save} success={s.spaceEnvironmentSaved} />
      </form>
    </SettingsSection>
  );
}

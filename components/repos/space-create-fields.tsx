"use client";

import { useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Field, Input, Select } from "@/components/ui/field";
import {
  spaceColors,
  spaceHardwareIds,
  spaceSdks,
  type SpaceHardware,
  type SpaceSdk,
} from "@/lib/hub/repos/space-templates";
import type { BaseImageOption } from "@/lib/repos/space-base-images";

import { createStrings } from "./create-strings";

/** Options grouped by framework and openMind version, in the order given (newest first). */
function groupsOf(options: BaseImageOption[]): [string, BaseImageOption[]][] {
  const groups = new Map<string, BaseImageOption[]>();
  for (const option of options)
    groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return [...groups];
}

/** The base environments for one hardware kind, grouped; "" chooses none for now. */
export function BaseImageOptions({
  id,
  options,
  defaultValue,
}: {
  id: string;
  options: BaseImageOption[];
  defaultValue: string;
}) {
  const s = useStrings(createStrings);
  return (
    <Select id={id} name="baseImage" defaultValue={defaultValue}>
      <option value="">{options.length ? s.baseImageNone : s.baseImageEmpty}</option>
      {groupsOf(options).map(([group, inGroup]) => (
        <optgroup key={group} label={group}>
          {inGroup.map((option) => (
            <option key={option.image} value={option.image}>
              {option.tag}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}

/** A Space's create-time choices: SDK, hardware, base environment, title, emoji and colours. */
export function SpaceCreateFields({ baseImages }: { baseImages: BaseImageOption[] }) {
  const s = useStrings(createStrings);
  const [sdk, setSdk] = useState<SpaceSdk>("gradio");
  const [hardware, setHardware] = useState<SpaceHardware>("cpu-basic");
  const offered = baseImages.filter((option) => option.hardware === hardware);
  return (
    <fieldset className="space-y-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-medium">{s.app}</legend>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">{s.sdk}</legend>
        <div className="space-y-1">
          {spaceSdks.map((id) => (
            <label key={id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="sdk"
                value={id}
                checked={sdk === id}
                onChange={() => setSdk(id)}
                className="mt-1"
              />
              {s.sdks[id]}
            </label>
          ))}
        </div>
      </fieldset>
      {sdk === "static" ? (
        <p className="text-muted-foreground text-sm">{s.staticIsCpu}</p>
      ) : (
        <Field id="space-hardware" label={s.spaceHardware}>
          <Select
            id="space-hardware"
            name="spaceHardware"
            value={hardware}
            onChange={(event) => setHardware(event.target.value as SpaceHardware)}
          >
            {spaceHardwareIds.map((id) => (
              <option key={id} value={id}>
                {s.hardwareNames[id]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {sdk === "gradio" ? (
        <Field id="space-base-image" label={s.baseImage} hint={s.baseImageHint}>
          <BaseImageOptions
            id="space-base-image"
            options={offered}
            defaultValue=""
            key={hardware}
          />
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field id="space-title" label={s.spaceTitle}>
          <Input id="space-title" name="spaceTitle" maxLength={60} />
        </Field>
        <Field id="space-emoji" label={s.emoji}>
          <Input id="space-emoji" name="emoji" maxLength={8} defaultValue="🚀" />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">{s.colors}</legend>
        <div className="flex gap-2">
          <Select aria-label={s.colors} name="colorFrom" defaultValue="blue">
            {spaceColors.map((color) => (
              <option key={color}>{color}</option>
            ))}
          </Select>
          <Select aria-label={s.colors} name="colorTo" defaultValue="indigo">
            {spaceColors.map((color) => (
              <option key={color}>{color}</option>
            ))}
          </Select>
        </div>
      </fieldset>
    </fieldset>
  );
}

"use client";

import { useState } from "react";

import { useLocale, useStrings } from "@/components/i18n/locale-provider";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { RepoType } from "@/db/schema/enums";
import {
  cardFieldsFor,
  listFromText,
  readCardFields,
  writeCardField,
  type CardField,
} from "@/lib/repos/card/card-fields";
import {
  commonFrameworks,
  commonHardware,
  commonLicenses,
  commonTasks,
} from "@/lib/repos/card/licenses";

import { cardFormStrings } from "./card-form-strings";
import { taskLabel } from "./labels";

type TextField = "languages" | "datasets" | "baseModels" | "tags";

/**
 * The card's labels as a form beside the README editor, so nobody needs the YAML keys: every
 * change is written into the front matter of the editor's text at once (the commit validates it).
 */
export function CardMetadataForm({
  type,
  content,
  onChange,
}: {
  type: RepoType;
  content: string;
  onChange: (content: string) => void;
}) {
  const s = useStrings(cardFormStrings);
  const locale = useLocale();
  const fields = cardFieldsFor(type);
  const [values, setValues] = useState(() => readCardFields(content, type));
  // Lists are typed as text; the text is kept as typed while the card gets the parsed list.
  const [texts, setTexts] = useState(() => ({
    languages: values.languages.join(", "),
    datasets: values.datasets.join(", "),
    baseModels: values.baseModels.join(", "),
    tags: values.tags.join(", "),
  }));
  const [broken, setBroken] = useState(false);

  function set(field: CardField, value: string | string[]) {
    try {
      onChange(writeCardField(content, type, field, value));
      setValues((current) => ({ ...current, [field]: value }));
      setBroken(false);
    } catch {
      setBroken(true);
    }
  }
  const setText = (field: TextField, text: string) => {
    setTexts((current) => ({ ...current, [field]: text }));
    set(field, listFromText(text));
  };
  const toggle = (field: "frameworks" | "hardware", value: string, on: boolean) => {
    const current = values[field];
    set(field, on ? [...current, value] : current.filter((v) => v !== value));
  };
  const choices = (common: readonly string[], current: string) =>
    current && !common.includes(current) ? [current, ...common] : common;
  const text = (field: TextField, hint: string) =>
    fields.includes(field) ? (
      <Field id={`card-${field}`} label={s[field]} hint={hint}>
        <Input
          {...fieldAria(`card-${field}`)}
          value={texts[field]}
          onChange={(e) => setText(field, e.target.value)}
        />
      </Field>
    ) : null;
  const checks = (field: "frameworks" | "hardware", options: readonly string[]) =>
    fields.includes(field) ? (
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">{s[field]}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.map((option) => (
            <label key={option} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={values[field].includes(option)}
                onChange={(e) => toggle(field, option, e.target.checked)}
              />
              {option}
            </label>
          ))}
        </div>
      </fieldset>
    ) : null;

  return (
    <fieldset className="space-y-4 rounded-lg border p-4" data-testid="card-metadata-form">
      <legend className="px-1 text-sm font-semibold">{s.legend}</legend>
      <p className="text-muted-foreground text-xs">{s.hint}</p>
      {broken ? (
        <p role="alert" className="text-danger text-xs">
          {s.fixYamlFirst}
        </p>
      ) : null}
      <Field id="card-license" label={s.license}>
        <Select
          id="card-license"
          value={values.license}
          onChange={(e) => set("license", e.target.value)}
        >
          <option value="">{s.noValue}</option>
          {choices(commonLicenses, values.license).map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="card-task" label={s.task}>
        <Select id="card-task" value={values.task} onChange={(e) => set("task", e.target.value)}>
          <option value="">{s.noValue}</option>
          {choices(commonTasks, values.task).map((task) => (
            <option key={task} value={task}>
              {taskLabel(task, locale)}
            </option>
          ))}
        </Select>
      </Field>
      {fields.includes("library") ? (
        <Field id="card-library" label={s.library} hint={s.libraryHint}>
          <Input
            {...fieldAria("card-library")}
            value={values.library}
            onChange={(e) => set("library", e.target.value)}
          />
        </Field>
      ) : null}
      {checks("frameworks", commonFrameworks)}
      {checks("hardware", commonHardware)}
      {text("languages", s.languagesHint)}
      {text("datasets", s.datasetsHint)}
      {text("baseModels", s.baseModelsHint)}
      {text("tags", s.tagsHint)}
    </fieldset>
  );
}

// Client-safe display names for card label values.
import type { Locale } from "@/lib/i18n/strings";
import type { ListFacet } from "@/lib/repos/list/list-params";

import { taskStrings } from "./task-strings";

const upper = new Set(["npu", "gpu", "cpu", "nlp", "cv", "ocr", "asr", "tts", "llm", "qa"]);

/**
 * `text-generation` → "Text Generation" (文本生成 in Chinese); framework and hardware names are
 * kept as written.
 */
export function taskLabel(task: string, locale: Locale = "en"): string {
  const translated = taskStrings[locale].names[task];
  if (translated) return translated;
  return task
    .split(/[-_]/)
    .map((word) =>
      upper.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(" ");
}

/** A card's language code (`zh`, `en`, `pt-BR`) by its name in the reader's language. */
export function languageLabel(code: string, locale: Locale): string {
  try {
    return (
      new Intl.DisplayNames([locale === "zh" ? "zh-CN" : "en"], { type: "language" }).of(code) ??
      code
    );
  } catch {
    return code; // not a language tag Intl knows
  }
}

/**
 * A list filter's value as the cards show it: task and language names in the reader's language,
 * other labels (licenses, frameworks, tags) as the card wrote them.
 */
export function facetValueLabel(facet: ListFacet, value: string, locale: Locale): string {
  if (facet === "task") return taskLabel(value, locale);
  if (facet === "language") return languageLabel(value, locale);
  return value;
}

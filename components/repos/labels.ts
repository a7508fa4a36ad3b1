// Client-safe display names for card label values.

const upper = new Set(["npu", "gpu", "cpu", "nlp", "cv", "ocr", "asr", "tts", "llm", "qa"]);

/** `text-generation` → "Text Generation"; framework and hardware names are kept as written. */
export function taskLabel(task: string): string {
  return task
    .split(/[-_]/)
    .map((word) =>
      upper.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(" ");
}

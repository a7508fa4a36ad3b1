/**
 * Value cleaning for card metadata: YAML from users holds anything (numbers, nested maps, a string
 * where a list belongs), so every field is coerced to the shape the hub uses, and what cannot be
 * used becomes a warning instead of an error. Pure and client-safe.
 */

const maxItems = 100;
const maxLength = 200;

export type Warn = (message: string) => void;

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A list of non-empty strings from a string or a list; duplicates (ignoring case) and junk dropped. */
export function stringList(value: unknown, key: string, warn: Warn): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const text = scalar(item);
    if (text === null) {
      warn(`"${key}" should be a list of words; one entry was ignored.`);
      continue;
    }
    if (text.length > maxLength) {
      warn(`"${key}": an entry longer than ${maxLength} characters was ignored.`);
      continue;
    }
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
    if (out.length === maxItems) {
      warn(`"${key}": only the first ${maxItems} entries are used.`);
      break;
    }
  }
  return out;
}

/** One string from a string (or the first of a list). */
export function singleString(value: unknown, key: string, warn: Warn): string | null {
  const list = stringList(value, key, warn);
  if (list.length > 1) warn(`"${key}" should be a single value; the first one is used.`);
  return list[0] ?? null;
}

/** Keeps the values that look like ids (`apache-2.0`, `text-generation`), lower-cased. */
export function ids(values: string[], key: string, pattern: RegExp, warn: Warn): string[] {
  return values.flatMap((value) => {
    const id = value.toLowerCase();
    if (pattern.test(id)) return [id];
    warn(`"${key}": "${value}" is not a valid id and was ignored.`);
    return [];
  });
}

/** Maps known spellings to one canonical name (case-insensitively); unknown values are kept as written. */
export function canonical(values: string[], names: Record<string, string>): string[] {
  const out = values.map((value) => names[value.toLowerCase().replace(/[\s_]/g, "")] ?? value);
  return [...new Set(out)];
}

/** The first key present in `data` among `keys` (aliases such as `license` / `licenses`). */
export function pick(data: Record<string, unknown>, keys: string[]): [string, unknown] {
  for (const key of keys) if (data[key] !== undefined) return [key, data[key]];
  return [keys[0]!, undefined];
}

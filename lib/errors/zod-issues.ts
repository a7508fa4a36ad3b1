// Client-safe: zod issues as sentences in the reader's language. Zod's own defaults are English
// and name types ("expected string to have >=2 characters"); people need the rule instead.

import type { z } from "zod";

import type { Locale } from "@/lib/i18n/strings";

import { errorStrings } from "./strings";

/** A raw issue (inside an error map, with its input) or a finished one (on a ZodError). */
type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** The generic sentence for a zod issue, from its code and limits, never from its message. */
function zodIssueMessage(issue: Issue, locale: Locale): string {
  const v = errorStrings[locale].validation;
  switch (issue.code) {
    case "invalid_type":
      // A form field that was not sent at all is missing, not of the wrong type.
      if (issue.input === undefined) return v.required;
      if (issue.expected === "number") return v.number;
      if (issue.expected === "int") return v.integer;
      return v.invalid;
    case "too_small": {
      const n = issue.minimum.toString();
      switch (issue.origin) {
        case "string":
          if (issue.exact) return v.charactersExactly(n);
          // `.min(1)` is how a schema says a text field must be filled in.
          return n === "1" && issue.inclusive ? v.required : v.charactersAtLeast(n);
        case "array":
        case "set":
          return v.itemsAtLeast(n);
        case "file":
          return v.bytesAtLeast(n);
        case "number":
        case "int":
        case "bigint":
          return issue.inclusive ? v.numberAtLeast(n) : v.numberAbove(n);
        default:
          return v.tooSmall;
      }
    }
    case "too_big": {
      const n = issue.maximum.toString();
      switch (issue.origin) {
        case "string":
          return issue.exact ? v.charactersExactly(n) : v.charactersAtMost(n);
        case "array":
        case "set":
          return v.itemsAtMost(n);
        case "file":
          return v.bytesAtMost(n);
        case "number":
        case "int":
        case "bigint":
          return issue.inclusive ? v.numberAtMost(n) : v.numberBelow(n);
        default:
          return v.tooBig;
      }
    }
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return v.email;
        case "url":
          return v.url;
        case "starts_with":
          return "prefix" in issue && typeof issue.prefix === "string"
            ? v.startsWith(issue.prefix)
            : v.format;
        case "ends_with":
          return "suffix" in issue && typeof issue.suffix === "string"
            ? v.endsWith(issue.suffix)
            : v.format;
        case "includes":
          return "includes" in issue && typeof issue.includes === "string"
            ? v.includes(issue.includes)
            : v.format;
        default:
          return v.format;
      }
    case "invalid_value":
      return v.oneOf(issue.values.map(String).join(", "));
    case "not_multiple_of":
      return v.multipleOf(String(issue.divisor));
    case "unrecognized_keys":
      return v.unknownFields(issue.keys.join(", "));
    default:
      // invalid_union, invalid_key, invalid_element, and refinements that set no message.
      return v.invalid;
  }
}

/**
 * Passed to `safeParse` so zod's defaults come out in `locale`. Messages a schema sets itself
 * still win: zod asks a schema's own map before this one.
 */
export function zodErrorMap(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => zodIssueMessage(issue, locale);
}

/**
 * A finished issue's message for a reader of `locale`. Schemas shared with the HTTP API spell out
 * their generic rules in English ("Use at least 2 characters."); when a message is exactly the
 * English generic sentence for its issue it carries nothing more, so its translation replaces it.
 * Any other author's text is kept as written.
 */
export function localizeZodIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (locale === "en" || issue.message !== zodIssueMessage(issue, "en")) return issue.message;
  return zodIssueMessage(issue, locale);
}

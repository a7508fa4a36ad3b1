import { parseDocument } from "yaml";

import type { RepoType } from "@/db/schema/enums";

import { splitFrontMatter } from "./front-matter";
import { normalizeCardData, type CardMetadata } from "./metadata";
import { deriveTags } from "./tags";

export type ParsedCard = {
  /** The front matter as plain JSON-safe data (HF `cardData`); {} when missing or invalid. */
  data: Record<string, unknown>;
  metadata: CardMetadata;
  /** Filter tags derived from the card (see deriveTags). */
  tags: string[];
  /** The markdown after the front matter. */
  body: string;
  /** Problems worth showing to the author (bad YAML, ignored values); parsing never throws. */
  warnings: string[];
  /**
   * The warnings that made the whole front matter unreadable, so it was ignored (bad YAML, not a
   * mapping, too large): what an upload is refused for, while the other warnings only inform.
   */
  errors: string[];
};

const maxFrontMatterBytes = 256 * 1024;

function toData(yaml: string, fail: (m: string) => void): Record<string, unknown> {
  if (new TextEncoder().encode(yaml).length > maxFrontMatterBytes) {
    fail(`The YAML front matter is larger than ${maxFrontMatterBytes / 1024} KB and was ignored.`);
    return {};
  }
  // YAML 1.2 core schema: `no` stays a string, dates stay strings; aliases are capped (billion laughs).
  const doc = parseDocument(yaml, { schema: "core", prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const where = first.linePos ? ` (line ${first.linePos[0].line + 1} of the README)` : "";
    const reason = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    fail(`The YAML front matter is invalid${where}: ${reason}`);
    return {};
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(`The YAML front matter could not be read: ${(error as Error).message}`);
    return {};
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    fail("The YAML front matter should be a set of `key: value` lines.");
    return {};
  }
  return value as Record<string, unknown>;
}

/** Parses a README card (model, dataset or Space). Never throws: problems come back as warnings. */
export function parseCard(text: string, options: { type: RepoType }): ParsedCard {
  const warnings: string[] = [];
  const errors: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const fail = (message: string) => {
    warn(message);
    if (!errors.includes(message)) errors.push(message);
  };
  const split = splitFrontMatter(text);
  if (split.unclosed)
    warn("The YAML front matter has no closing `---` line, so it was read as text.");
  const data = split.yaml === null ? {} : toData(split.yaml, fail);
  const metadata = normalizeCardData(data, warn);
  return {
    data,
    metadata,
    tags: deriveTags(metadata, { type: options.type, body: split.body }),
    body: split.body,
    warnings,
    errors,
  };
}

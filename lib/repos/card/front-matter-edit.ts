import { Document, isMap, isScalar, parseDocument, stringify } from "yaml";

import { AppError } from "@/lib/errors";

const fence = /^---[ \t]*$/;
const closing = /^(---|\.\.\.)[ \t]*$/;

type Parts = { yaml: string; closingLine: string; rest: string } | { yaml: null; rest: string };

/** Splits a README (LF line endings) keeping every byte after the front matter exactly as it was. */
function split(source: string): Parts {
  const lines = source.split("\n");
  if (!fence.test(lines[0] ?? "")) return { yaml: null, rest: source };
  const end = lines.findIndex((line, i) => i > 0 && closing.test(line));
  if (end < 0) return { yaml: null, rest: source };
  const yamlLines = lines.slice(1, end);
  return {
    yaml: yamlLines.length ? `${yamlLines.join("\n")}\n` : "",
    closingLine: lines[end]!,
    rest: lines.slice(end + 1).join("\n"),
  };
}

const keyLine = (key: string, value: string | string[]) =>
  stringify({ [key]: value }, { lineWidth: 0, flowCollectionPadding: false });

/**
 * The front matter with one key set or removed. A scalar value is replaced where it stands and a
 * new key is appended, so every other line stays byte for byte; only a structural change (a list
 * value, a removal) lets the YAML library re-print the document (comments and order still kept).
 */
function editYaml(yaml: string, key: string, value: string | string[] | null): string {
  const doc = parseDocument(yaml, { schema: "core", uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new AppError(
      "unprocessable",
      "The README's YAML front matter is invalid, so it was not changed; fix the YAML in the README first.",
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new AppError(
      "unprocessable",
      "The README's front matter is not a set of `key: value` lines; fix it in the README first.",
    );
  }
  const pair = doc.contents?.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (value !== null && !pair)
    return `${yaml}${yaml === "" || yaml.endsWith("\n") ? "" : "\n"}${keyLine(key, value)}`;
  if (typeof value === "string" && pair && isScalar(pair.value) && pair.value.range) {
    const [start, end] = pair.value.range;
    const text = new Document(value).toString({ lineWidth: 0 }).trimEnd();
    return yaml.slice(0, start) + text + yaml.slice(end);
  }
  if (value === null) doc.delete(key);
  else doc.set(key, value);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Sets (or with null removes) one top-level key of a README's YAML front matter and returns the
 * new README. Everything else — other keys, their order, comments, the markdown body — is kept;
 * a README without front matter gets one. The card stays the source of truth for labels.
 */
export function setFrontMatterValue(
  readme: string,
  key: string,
  value: string | string[] | null,
): string {
  const bom = readme.startsWith("\uFEFF") ? "\uFEFF" : "";
  const crlf = readme.includes("\r\n");
  const source = (bom ? readme.slice(1) : readme).replace(/\r\n/g, "\n");
  const parts = split(source);
  let result: string;
  if (parts.yaml === null) {
    if (value === null) return readme;
    result = `---\n${keyLine(key, value)}---\n${parts.rest.length ? `\n${parts.rest}` : ""}`;
  } else {
    result = `---\n${editYaml(parts.yaml, key, value)}${parts.closingLine}\n${parts.rest}`;
  }
  return bom + (crlf ? result.replace(/\n/g, "\r\n") : result);
}

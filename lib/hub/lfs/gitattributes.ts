/**
 * Just enough of `.gitattributes` to answer "does git-lfs track this path?" without a checkout
 * (git 2.39 has no `check-attr --source`). Patterns follow git's rules: gitignore-style globs with
 * `**`, a pattern without '/' matches the base name at any depth below its file's folder, one with
 * '/' is anchored to that folder, patterns ending in '/' never match files, and the last matching
 * line wins, deeper files overriding shallower ones. Pure and client-safe (the upload UI uses it).
 * Not supported: `[attr]` macros that set `filter` (rare in practice).
 */

import { globToRegexSource } from "./glob";

type FilterValue = "lfs" | "other" | null;
export type AttributeRule = { regex: RegExp; basenameOnly: boolean; filter: FilterValue };
export type AttributesFile = { dir: string; rules: AttributeRule[]; text?: string };

/** Splits off the pattern, which may be C-quoted ("a b.bin"). Returns [pattern, rest] or null. */
function splitPattern(line: string): [string, string] | null {
  if (!line.startsWith('"')) {
    const end = line.search(/[ \t]/);
    return end < 0 ? [line, ""] : [line.slice(0, end), line.slice(end)];
  }
  let pattern = "";
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return [pattern, line.slice(i + 1)];
    if (c !== "\\") {
      pattern += c;
      continue;
    }
    const next = line[++i];
    if (next === undefined) return null;
    const escapes: Record<string, string> = {
      n: "\n",
      t: "\t",
      '"': '"',
      "\\": "\\",
      a: "\x07",
      b: "\b",
      f: "\f",
      r: "\r",
      v: "\v",
    };
    if (/[0-7]/.test(next)) {
      pattern += String.fromCharCode(parseInt(line.slice(i, i + 3), 8));
      i += 2;
    } else {
      pattern += escapes[next] ?? next;
    }
  }
  return null;
}

function filterValue(attributes: string[]): FilterValue | undefined {
  let value: FilterValue | undefined;
  for (const attribute of attributes) {
    if (attribute === "-filter" || attribute === "!filter") value = null;
    else if (attribute === "filter") value = "other";
    else if (attribute.startsWith("filter=")) value = attribute === "filter=lfs" ? "lfs" : "other";
  }
  return value;
}

export function parseGitattributes(content: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/^[ \t]+/, "");
    if (!line || line.startsWith("#") || line.startsWith("[attr]")) continue;
    const split = splitPattern(line);
    if (!split) continue;
    const [pattern, rest] = split;
    const filter = filterValue(
      rest
        .trim()
        .split(/[ \t]+/)
        .filter(Boolean),
    );
    // Negative patterns are not allowed in .gitattributes; git ignores them, and so do we.
    if (filter === undefined || !pattern || pattern.startsWith("!")) continue;
    // A pattern ending in '/' only matches directories, and attributes never apply to them.
    if (pattern.endsWith("/")) continue;
    const basenameOnly = !pattern.includes("/");
    const anchored = pattern.startsWith("/") ? pattern.slice(1) : pattern;
    rules.push({ regex: new RegExp(`^${globToRegexSource(anchored)}$`), basenameOnly, filter });
  }
  return rules;
}

/** Whether git-lfs would handle `path`, given the `.gitattributes` files of the tree (any order). */
export function isLfsTracked(path: string, files: AttributesFile[]): boolean {
  const ordered = [...files].sort((a, b) => depth(a.dir) - depth(b.dir));
  const base = path.slice(path.lastIndexOf("/") + 1);
  let value: FilterValue = null;
  for (const file of ordered) {
    const prefix = file.dir ? `${file.dir}/` : "";
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    for (const rule of file.rules) {
      if (rule.regex.test(rule.basenameOnly ? base : relative)) value = rule.filter;
    }
  }
  return value === "lfs";
}

function depth(dir: string): number {
  return dir === "" ? 0 : dir.split("/").length;
}

/** The folders whose `.gitattributes` can affect `path` ("" is the root). */
export function attributeDirsFor(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  return ["", ...parts.map((_p, i) => parts.slice(0, i + 1).join("/"))];
}

/** A `.gitattributes` line that sends exactly this path through LFS (like `git lfs track`). */
export function lfsTrackLine(path: string): string {
  const glob = path.replace(/[*?[\\]/g, "\\$&");
  const anchored = path.includes("/") ? glob.replace(/^[!#]/, "\\$&") : `/${glob}`;
  const needsQuotes = /[\s"]/.test(anchored);
  const pattern = needsQuotes ? `"${anchored.replace(/["\\]/g, "\\$&")}"` : anchored;
  return `${pattern} filter=lfs diff=lfs merge=lfs -text`;
}

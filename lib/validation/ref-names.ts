/**
 * Branch and tag names: a safe subset of git's ref-name rules (letters, digits, '.', '_', '-' and
 * '/' between parts), so that a name can never be read as an option, a revision expression
 * (`^`, `~`, `:`, `@{`) or a path outside `refs/`.
 */
export function refNameProblem(name: string): string | null {
  if (name.length === 0) return "Enter a name.";
  if (name.length > 200) return "Use at most 200 characters.";
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return "Use only letters, digits, '.', '_', '-' and '/'.";
  if (name.startsWith("-")) return "Do not start the name with '-'.";
  if (name === "HEAD" || name === "@") return `'${name}' is reserved.`;
  if (name.includes("..")) return "Do not use '..'.";
  for (const part of name.split("/")) {
    if (part === "") return "Do not use an empty part ('//', or '/' at the start or end).";
    if (part.startsWith(".")) return "Do not start a part with '.'.";
    if (part.endsWith(".lock")) return "Do not end a part with '.lock'.";
  }
  if (name.endsWith(".")) return "Do not end the name with '.'.";
  return null;
}

/**
 * A revision as clients send it: a branch or tag name (optionally spelled `refs/heads/…` or
 * `refs/tags/…`), `HEAD`, or a full or abbreviated commit sha.
 */
export function isRevision(rev: string): boolean {
  if (rev === "HEAD" || /^[0-9a-f]{7,64}$/i.test(rev)) return true;
  return refNameProblem(rev) === null;
}

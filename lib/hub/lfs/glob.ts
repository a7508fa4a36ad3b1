/**
 * git's wildmatch with WM_PATHNAME, as a regular expression: '*' and '?' stop at '/', "**" spans
 * folders when it stands between slashes, `[...]` classes (with `!`/`^` negation and POSIX names),
 * and backslash escapes. Pure and client-safe.
 */

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Translates a wildmatch pattern (with WM_PATHNAME: '*' stops at '/') into a regular expression source. */
export function globToRegexSource(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      const double = glob[i + 1] === "*";
      const atStart = i === 0 || glob[i - 1] === "/";
      const atEnd = i + 2 >= glob.length || glob[i + 2] === "/";
      if (double && atStart && atEnd) {
        i += 1;
        if (glob[i + 1] === "/") {
          i += 1;
          out += "(?:.*/)?"; // "**/" : zero or more folders
        } else {
          out += ".*"; // trailing "/**" : everything inside
        }
      } else {
        while (glob[i + 1] === "*") i++;
        out += "[^/]*";
      }
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]!);
    } else if (c === "[") {
      const end = findClassEnd(glob, i);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      body = body
        .replace(/\[:(\w+):\]/g, (_m, name: string) => posixClass[name] ?? "")
        .replace(/\\(?![\]\-\\^dws])/g, "\\\\");
      out += negate ? `(?!/)[^${body}]` : `(?!/)[${body.replace(/^\^/, "\\^")}]`;
      i = end;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

const posixClass: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  digit: "0-9",
  lower: "a-z",
  upper: "A-Z",
  space: " \\t\\n\\r\\f\\v",
  xdigit: "0-9A-Fa-f",
  punct: "!-/:-@\\[-`{-~",
  blank: " \\t",
};

function findClassEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  if (glob[i] === "]") i++;
  for (; i < glob.length; i++) {
    if (glob[i] === "[" && glob[i + 1] === ":") {
      const close = glob.indexOf(":]", i + 2);
      if (close > 0) i = close + 1;
    } else if (glob[i] === "]") {
      return i;
    }
  }
  return -1;
}

/**
 * Splits a README into its YAML front matter and markdown body. The front matter is the block
 * between a first line `---` and the next line `---` (or `...`). Pure and client-safe.
 */

export type FrontMatterSplit = {
  /** The YAML text, or null when the file has no (closed) front matter. */
  yaml: string | null;
  body: string;
  /** 1-based line of the README where the body starts (for error positions and editors). */
  bodyLine: number;
  /** The file starts with `---` but no closing line was found. */
  unclosed: boolean;
};

const fence = /^---[ \t]*$/;
const closing = /^(---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatterSplit {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  if (!fence.test(lines[0] ?? ""))
    return { yaml: null, body: source, bodyLine: 1, unclosed: false };
  const end = lines.findIndex((line, i) => i > 0 && closing.test(line));
  if (end < 0) return { yaml: null, body: source, bodyLine: 1, unclosed: true };
  return {
    yaml: lines.slice(1, end).join("\n"),
    body: lines
      .slice(end + 1)
      .join("\n")
      .replace(/^\n+/, ""),
    bodyLine: end + 2,
    unclosed: false,
  };
}

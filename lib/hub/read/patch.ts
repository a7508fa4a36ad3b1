import "server-only";

import { spawnGit } from "@/lib/hub/git/run";

/** Runs `git diff` between the trees and keeps at most `budget` bytes of its output. */
export async function boundedPatch(
  gitDir: string,
  range: string[],
  paths: string[],
  budget: number,
): Promise<{ text: string; complete: boolean }> {
  const child = spawnGit({
    gitDir,
    args: [
      "diff-tree",
      "--no-commit-id",
      "-p",
      "-r",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--no-renames",
      "-U3",
      ...range,
      "--",
      ...paths,
    ],
  });
  child.stdin.end();
  child.stderr.resume();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > budget) {
        complete = false;
        break;
      }
    }
  } finally {
    child.kill("SIGKILL");
  }
  return { text: Buffer.concat(chunks).subarray(0, budget).toString("utf8"), complete };
}

/** Unquotes a C-style quoted path as git writes it ("a/x\ty", octal escapes for bytes). */
function unquote(quoted: string): string {
  const bytes: number[] = [];
  const escapes: Record<string, number> = {
    n: 10,
    t: 9,
    '"': 34,
    "\\": 92,
    a: 7,
    b: 8,
    f: 12,
    r: 13,
    v: 11,
  };
  for (let i = 1; i < quoted.length - 1; i++) {
    const c = quoted[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c));
    } else if (/[0-7]/.test(quoted[i + 1] ?? "")) {
      bytes.push(parseInt(quoted.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[quoted[++i]!] ?? 63);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The path of a `diff --git a/P b/P` header (renames are off, so both sides are the same path). */
function headerPath(header: string): string {
  if (header.startsWith('"'))
    return unquote(/^"(?:[^"\\]|\\.)*"/.exec(header)?.[0] ?? '""').replace(/^a\//, "");
  return header.slice(2, 2 + (header.length - 5) / 2);
}

/**
 * Splits `diff-tree -p` output into hunks per path. A type change (file ↔ symlink) comes as two
 * sections for one path; they are joined.
 */
export function patchSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const section of text.split(/^diff --git /m).slice(1)) {
    const newline = section.indexOf("\n");
    const path = headerPath(newline < 0 ? section : section.slice(0, newline));
    const hunks = section.indexOf("\n@@");
    sections.set(path, (sections.get(path) ?? "") + (hunks < 0 ? "" : section.slice(hunks + 1)));
  }
  return sections;
}

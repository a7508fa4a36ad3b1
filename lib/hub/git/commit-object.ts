import type { CommitSummary, Person } from "@/lib/hub/types";

/** Parses git's "Name <email> 1700000000 +0100" identity line. */
function parseIdent(line: string): Person {
  const match = /^(.*?) ?<([^>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: "", date: new Date(0).toISOString() };
  return {
    name: match[1]!,
    email: match[2]!,
    date: new Date(Number(match[3]) * 1000).toISOString(),
  };
}

export function titleOf(message: string): string {
  return message.trimStart().split("\n", 1)[0]!.trim();
}

/** Parses a raw commit object (headers, blank line, message). */
export function parseCommitObject(oid: string, data: Buffer): CommitSummary & { tree: string } {
  const text = data.toString("utf8");
  const split = text.indexOf("\n\n");
  const headerText = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? "" : text.slice(split + 2).replace(/\n+$/, "");
  let tree = "";
  const parents: string[] = [];
  let author: Person = parseIdent("");
  let committer: Person = parseIdent("");
  for (const line of headerText.split("\n")) {
    if (line.startsWith(" ")) continue; // continuation of a multi-line header (gpgsig)
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "tree") tree = value;
    else if (key === "parent") parents.push(value);
    else if (key === "author") author = parseIdent(value);
    else if (key === "committer") committer = parseIdent(value);
  }
  return { id: oid, tree, parents, title: titleOf(message), message, author, committer };
}

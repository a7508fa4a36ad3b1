import "server-only";

import { objectContents } from "./cat-file-pool";

export type RawTreeEntry = {
  mode: string;
  name: string;
  oid: string;
  kind: "blob" | "tree" | "commit";
};

function kindOf(mode: string): RawTreeEntry["kind"] {
  if (mode === "40000" || mode === "040000") return "tree";
  if (mode === "160000") return "commit";
  return "blob";
}

/** Parses git's binary tree format: `<mode> <name>\0<raw oid>` repeated. */
function parseTree(data: Buffer, oidBytes = 20): RawTreeEntry[] {
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + oidBytes > data.length)
      throw new Error("corrupt tree object");
    const mode = data.toString("latin1", at, space);
    entries.push({
      mode: mode.padStart(6, "0"),
      name: data.toString("utf8", space + 1, nul),
      oid: data.toString("hex", nul + 1, nul + 1 + oidBytes),
      kind: kindOf(mode),
    });
    at = nul + 1 + oidBytes;
  }
  return entries;
}

/** The entries of a tree object (by oid or `rev:path` name); null when it is missing or not a tree. */
export async function readTree(gitDir: string, name: string): Promise<RawTreeEntry[] | null> {
  const object = await objectContents(gitDir, name, 64 * 1024 * 1024);
  if (!object || object.type !== "tree") return null;
  return parseTree(object.data, object.oid.length / 2);
}

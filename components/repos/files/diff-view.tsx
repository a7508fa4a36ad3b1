import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { FileChange } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { getStrings } from "@/lib/i18n/server";
import { blobHref } from "@/lib/repos/urls";

import { fileStrings } from "../file-strings";

type Line = {
  kind: "hunk" | "add" | "del" | "ctx" | "note";
  text: string;
  old: number | null;
  new: number | null;
};

/** Unified diff text → lines with old and new line numbers, from the `@@ -a,b +c,d @@` headers. */
function diffLines(patch: string): Line[] {
  const lines: Line[] = [];
  let oldNo = 0;
  let newNo = 0;
  for (const text of patch.replace(/\n$/, "").split("\n")) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      lines.push({ kind: "hunk", text, old: null, new: null });
    } else if (text.startsWith("+")) lines.push({ kind: "add", text, old: null, new: newNo++ });
    else if (text.startsWith("-")) lines.push({ kind: "del", text, old: oldNo++, new: null });
    else if (text.startsWith("\\")) lines.push({ kind: "note", text, old: null, new: null });
    else lines.push({ kind: "ctx", text, old: oldNo++, new: newNo++ });
  }
  return lines;
}

const lineClass: Record<Line["kind"], string> = {
  hunk: "bg-brand/10 text-muted-foreground",
  add: "bg-success/15",
  del: "bg-danger/15",
  ctx: "",
  note: "text-muted-foreground",
};
const tones = {
  added: "success",
  modified: "brand",
  deleted: "danger",
  typechange: "warning",
} as const;

/** One changed file: status, path, line counts and its diff (or why the diff is not shown). */
export async function DiffView({
  repo,
  commit,
  file,
}: {
  repo: RepoRef;
  commit: string;
  file: FileChange;
}) {
  const s = await getStrings(fileStrings);
  return (
    <section
      className="overflow-hidden rounded-lg border"
      data-testid="diff-file"
      data-path={file.path}
    >
      <header className="bg-subtle flex flex-wrap items-center gap-2 border-b px-4 py-2 text-sm">
        <Badge tone={tones[file.status]}>{s.status[file.status]}</Badge>
        {file.status === "deleted" ? (
          <span className="font-mono break-all">{file.path}</span>
        ) : (
          <Link
            href={blobHref(repo, commit, file.path)}
            className="hover:text-brand font-mono break-all hover:underline"
          >
            {file.path}
          </Link>
        )}
        {file.lfs ? <Badge tone="brand">{s.lfs}</Badge> : null}
        <span className="ml-auto font-mono text-xs">
          <span className="text-success">+{file.additions}</span>{" "}
          <span className="text-danger">−{file.deletions}</span>
        </span>
      </header>
      {file.patch ? (
        <div className="overflow-x-auto">
          <table className="w-full font-mono text-xs leading-5">
            <tbody>
              {diffLines(file.patch).map((line, i) => (
                <tr key={i} className={lineClass[line.kind]}>
                  <td className="text-muted-foreground w-10 px-2 text-right select-none">
                    {line.old ?? ""}
                  </td>
                  <td className="text-muted-foreground w-10 px-2 text-right select-none">
                    {line.new ?? ""}
                  </td>
                  <td className={cn("px-3 whitespace-pre")}>{line.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-muted-foreground px-4 py-3 text-sm">
          {file.patchOmitted ? s.patchOmitted[file.patchOmitted] : s.noChanges}
        </p>
      )}
    </section>
  );
}

// Client-safe: the commit title used when the author leaves it empty (shown as the placeholder).

export type OperationSummary = {
  kind: "upload" | "content" | "deleteFile" | "deleteFolder";
  path: string;
};

function one(kind: OperationSummary["kind"], path: string): string {
  switch (kind) {
    case "upload":
      return `Upload ${path}`;
    case "content":
      return `Update ${path}`;
    case "deleteFile":
    case "deleteFolder":
      return `Delete ${path}`;
  }
}

export function defaultCommitMessage(operations: OperationSummary[]): string {
  if (operations.length === 1) return one(operations[0]!.kind, operations[0]!.path);
  const uploads = operations.filter((op) => op.kind === "upload" || op.kind === "content").length;
  const deletions = operations.length - uploads;
  const parts = [
    uploads ? `Upload ${uploads} file${uploads === 1 ? "" : "s"}` : null,
    deletions ? `delete ${deletions} path${deletions === 1 ? "" : "s"}` : null,
  ].filter(Boolean) as string[];
  const text = parts.join(" and ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

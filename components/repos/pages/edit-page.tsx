import { notFound } from "next/navigation";

import { PageHeading } from "@/components/ui/card";
import type { RepoType } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/or-not-found";
import { readFileBytes } from "@/lib/hub";
import { getStrings } from "@/lib/i18n/server";
import { pathText, segmentText } from "@/lib/repos/http/params";
import { maxEditableBytes } from "@/lib/repos/uploads/limits";
import { blobHref, treeHref } from "@/lib/repos/urls";
import { openRevision } from "@/lib/repos/view/file-views";

import { uploadStrings } from "../upload-strings";
import { FileEditor } from "../upload/file-editor";
import type { TreeParams } from "./tree-page";

/** The file's text (empty and `exists: false` when there is no such file yet); null when it cannot be edited here. */
async function readText(
  ref: Parameters<typeof readFileBytes>[0],
  commit: string,
  path: string,
): Promise<{ text: string; exists: boolean } | null> {
  try {
    const { data } = await readFileBytes(ref, { rev: commit, path, maxBytes: maxEditableBytes });
    return data.includes(0) ? null : { text: data.toString("utf8"), exists: true };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { text: "", exists: false };
    if (
      error instanceof AppError &&
      (error.code === "payload_too_large" || error.code === "bad_request")
    )
      return null;
    throw error;
  }
}

/**
 * Edit a text file on a branch (`mode: "edit"`, a missing file starts empty: "Add a README"), or
 * create one in a folder (`mode: "new"`). Writers only, branches only, text up to 1 MB.
 */
export async function EditPage({
  type,
  params,
  mode,
}: {
  type: RepoType;
  params: TreeParams;
  mode: "edit" | "new";
}) {
  const p = await params;
  const { view, ref, revision } = await orNotFound(
    openRevision(type, segmentText(p.owner), segmentText(p.name), segmentText(p.rev)),
  );
  if (!view.canWrite || !revision.branch) notFound();
  const path = pathText(p.path);
  const file =
    mode === "edit" ? await readText(ref, revision.commit, path) : { text: "", exists: false };
  if (file === null) notFound();
  const exists = file.exists;
  const s = await getStrings(uploadStrings);
  const repo = { type, owner: view.owner, name: view.name };
  return (
    <div className="max-w-5xl">
      <PageHeading title={exists ? s.editTitle(path) : s.newTitle} />
      <FileEditor
        repo={repo}
        branch={revision.branch}
        parentCommit={revision.commit}
        path={exists ? path : null}
        initialName={mode === "new" ? (path ? `${path}/` : "") : path}
        initialContent={file.text}
        cancelHref={
          exists
            ? blobHref(repo, revision.branch, path)
            : treeHref(repo, revision.branch, mode === "new" ? path : "")
        }
      />
    </div>
  );
}

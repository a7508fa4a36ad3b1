"use client";

import type { RepoRef } from "@/lib/hub/types";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";

import { fileStrings } from "../file-strings";
import { uploadStrings } from "../upload-strings";
import { postCommit } from "./commit-client";

/** Deletes a file or a whole folder in one commit, after a confirmation; based on the commit shown. */
export function DeletePathButton({
  repo,
  branch,
  parentCommit,
  path,
  folder = false,
  after,
}: {
  repo: RepoRef;
  branch: string;
  parentCommit: string;
  path: string;
  folder?: boolean;
  /** Where to go once it is deleted. */
  after: string;
}) {
  const s = useStrings(uploadStrings);
  const f = useStrings(fileStrings);
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(folder ? s.confirmDeleteFolder(path) : s.confirmDelete(path))) return;
    setPending(true);
    setError(null);
    const outcome = await postCommit(repo, {
      branch,
      parentCommit,
      operations: [{ kind: folder ? "deleteFolder" : "deleteFile", path }],
    });
    setPending(false);
    if (!outcome.ok) return setError(outcome.message);
    router.push(after);
    router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        className="text-danger"
        disabled={pending}
        onClick={() => void remove()}
      >
        {pending ? s.deleting : folder ? f.deleteFolder : f.delete}
      </Button>
      {error ? (
        <span role="alert" className="text-danger max-w-xs text-xs">
          {error}
        </span>
      ) : null}
    </span>
  );
}

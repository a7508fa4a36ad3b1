"use client";

import type { RepoRef } from "@/lib/hub/types";
import { useEffect, useState } from "react";

import { existingFilesAction } from "@/app/_repo-actions/existing-files";

/**
 * The paths among `paths` that are already files on `branch`, asked of the server whenever the
 * list, the folder or the branch changes. Empty until the answer for the current list arrives.
 */
export function useExistingFiles(repo: RepoRef, branch: string, paths: string[]): Set<string> {
  const key = JSON.stringify([repo.type, repo.owner, repo.name, branch, paths]);
  const [answer, setAnswer] = useState<{ key: string; paths: string[] } | null>(null);
  useEffect(() => {
    const [type, owner, name, onBranch, asked] = JSON.parse(key) as [
      RepoRef["type"],
      string,
      string,
      string,
      string[],
    ];
    if (asked.length === 0) return;
    let current = true;
    void existingFilesAction(
      { status: "idle" },
      { type, owner, name, branch: onBranch, paths: asked },
    ).then((result) => {
      if (current && result.status === "success") setAnswer({ key, paths: result.data });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return new Set(answer?.key === key ? answer.paths : []);
}

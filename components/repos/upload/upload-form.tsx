"use client";

import type { RepoRef } from "@/lib/hub/types";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { maxCommitOperations } from "@/lib/hub/limits";
import { defaultCommitMessage } from "@/lib/repos/uploads/commit-message";
import { treeHref } from "@/lib/repos/urls";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { uploadStrings } from "../upload-strings";
import { postCommit } from "./commit-client";
import { DropZone } from "./drop-zone";
import { UploadList } from "./upload-list";
import { useExistingFiles } from "./use-existing-files";
import { FailedUpload, useUploadQueue } from "./use-upload-queue";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading" }
  | { kind: "committing" }
  | { kind: "error"; message: string; conflict?: boolean }
  | { kind: "cancelled" }
  | { kind: "done"; commit: string; branch: string; folder: string };

const joinPath = (folder: string, path: string) => (folder ? `${folder}/${path}` : path);

export function UploadForm({
  repo,
  branches,
  heads,
  initialBranch,
  initialFolder,
}: {
  repo: RepoRef;
  branches: string[];
  heads: Record<string, string>;
  initialBranch: string;
  initialFolder: string;
}) {
  const s = useStrings(uploadStrings);
  const router = useRouter();
  const queue = useUploadQueue(repo);
  const [branch, setBranch] = useState(initialBranch);
  const [folder, setFolder] = useState(initialFolder);
  const [message, setMessage] = useState("");
  const [description, setDescription] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  /** Keys of the picked files the user chose to let overwrite an existing file. */
  const [replacing, setReplacing] = useState<ReadonlySet<string>>(new Set());
  const target = folder.trim().replace(/^\/+|\/+$/g, "");
  const busy = phase.kind === "uploading" || phase.kind === "committing";
  const operations = queue.items.map((item) => ({
    kind: "upload" as const,
    path: joinPath(target, item.path),
  }));
  const placeholder = operations.length ? defaultCommitMessage(operations) : s.commitMessage;
  const existing = useExistingFiles(
    repo,
    branch,
    operations.map((op) => op.path),
  );
  const unreplaced = operations
    .filter((op, i) => existing.has(op.path) && !replacing.has(queue.items[i]!.key))
    .map((op) => op.path);

  function setReplace(key: string, replace: boolean) {
    setReplacing((keys) => {
      const next = new Set(keys);
      if (replace) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function problems(): string | null {
    if (queue.items.length === 0) return s.noFiles;
    if (queue.items.length > maxCommitOperations) return s.tooMany(maxCommitOperations);
    for (const op of operations) {
      const problem = repoPathProblem(op.path);
      if (problem) return s.badPath(op.path, problem);
    }
    if (unreplaced.length) return s.notReplaced(unreplaced);
    return null;
  }

  async function commit(ids: Map<string, string>, parentCommit: string | undefined) {
    setPhase({ kind: "committing" });
    const outcome = await postCommit(repo, {
      branch,
      parentCommit,
      message: message.trim() || undefined,
      description: description.trim() || undefined,
      operations: queue.items.map((item) => ({
        kind: "upload",
        path: joinPath(target, item.path),
        uploadId: ids.get(item.key)!,
        replace: replacing.has(item.key),
      })),
    });
    if (outcome.ok) {
      setPhase({ kind: "done", commit: outcome.commit, branch, folder: target });
      router.refresh();
    } else if (outcome.reason === "file_exists") {
      setPhase({ kind: "error", message: outcome.message });
    } else setPhase({ kind: "error", message: outcome.message, conflict: outcome.status === 409 });
  }

  async function submit(event?: FormEvent, options: { onTopOfLatest?: boolean } = {}) {
    event?.preventDefault();
    const problem = problems();
    if (problem) return setPhase({ kind: "error", message: problem });
    setPhase({ kind: "uploading" });
    let ids: Map<string, string>;
    try {
      ids = await queue.uploadAll(queue.items);
    } catch (error) {
      if (error instanceof FailedUpload) {
        return setPhase({
          kind: "error",
          message: s.uploadFailed(
            error.path,
            error.reason === "network" ? s.networkError : error.reason,
          ),
        });
      }
      return setPhase({ kind: "cancelled" });
    }
    await commit(ids, options.onTopOfLatest ? undefined : heads[branch]);
  }

  if (phase.kind === "done") {
    return (
      <div
        role="status"
        className="border-success/40 bg-success/10 space-y-3 rounded-lg border p-4"
        data-testid="upload-done"
      >
        <p className="font-medium">{s.committed}</p>
        <UploadList items={queue.items} folder={target} busy={false} onRemove={() => undefined} />
        <Link
          href={treeHref(repo, phase.branch, phase.folder)}
          className="text-brand inline-block text-sm font-medium hover:underline"
        >
          {s.viewFiles} →
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-5" aria-busy={busy}>
      <DropZone
        disabled={busy}
        onFiles={(files) => {
          queue.add(files);
          setPhase({ kind: "idle" });
        }}
      />
      {queue.items.length ? (
        <UploadList
          items={queue.items}
          folder={target}
          busy={busy}
          onRemove={queue.remove}
          replace={{ existing, replacing, onChange: setReplace }}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="upload-folder" label={s.targetFolder} hint={s.targetFolderHint}>
          <Input
            id="upload-folder"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            disabled={busy}
            placeholder="/"
          />
        </Field>
        <Field id="upload-branch" label={s.branch}>
          <Select
            id="upload-branch"
            value={branch}
            onChange={(e) => setBranch(e.target.value)}
            disabled={busy}
          >
            {branches.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="upload-message" label={s.commitMessage}>
        <Input
          id="upload-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder={placeholder}
          maxLength={500}
          disabled={busy}
        />
      </Field>
      <Field id="upload-description" label={s.commitDescription}>
        <Textarea
          id="upload-description"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          disabled={busy}
        />
      </Field>
      {phase.kind === "error" ? (
        <div
          role="alert"
          className="border-danger/40 bg-danger/10 text-danger space-y-2 rounded-md border p-3 text-sm"
        >
          <p>{phase.message}</p>
          {phase.conflict ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void submit(undefined, { onTopOfLatest: true })}
            >
              {s.conflictRetry}
            </Button>
          ) : null}
        </div>
      ) : phase.kind === "cancelled" ? (
        <p role="status" className="text-muted-foreground text-sm">
          {s.cancelled}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy || queue.items.length === 0}>
          {phase.kind === "uploading"
            ? s.uploading
            : phase.kind === "committing"
              ? s.committing
              : s.commit}
        </Button>
        {phase.kind === "uploading" ? (
          <Button variant="secondary" onClick={queue.cancel}>
            {s.cancel}
          </Button>
        ) : queue.items.length && !busy ? (
          <Button variant="ghost" onClick={queue.clear}>
            {s.clear}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

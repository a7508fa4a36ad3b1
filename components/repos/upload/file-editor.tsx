"use client";

import type { RepoRef } from "@/lib/hub/types";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input, Textarea } from "@/components/ui/field";
import { cardYamlProblem } from "@/lib/repos/card/card-yaml-problem";
import { isMarkdownPath } from "@/lib/repos/files/file-kind";
import { defaultCommitMessage } from "@/lib/repos/uploads/commit-message";
import { blobHref, editHref, repoHref } from "@/lib/repos/urls";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { CardMetadataForm } from "../card-metadata-form";
import { MarkdownView } from "../markdown-view";
import { uploadStrings } from "../upload-strings";
import { postCommit } from "./commit-client";

type Props = {
  repo: RepoRef;
  branch: string;
  parentCommit: string;
  /** The file being edited, or null to create one. */
  path: string | null;
  /** The file name field's first value (a new file's folder, or the name of a README to add). */
  initialName: string;
  initialContent: string;
  cancelHref: string;
};

/** Edits (or creates) a text file and commits it; markdown gets a live preview. */
export function FileEditor({
  repo,
  branch,
  parentCommit,
  path,
  initialName,
  initialContent,
  cancelHref,
}: Props) {
  const s = useStrings(uploadStrings);
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [content, setContent] = useState(initialContent);
  const [message, setMessage] = useState("");
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{
    message: string;
    conflict?: boolean;
    /** A file of that name exists: link to editing it. */
    existing?: string;
  } | null>(null);
  const target = name.trim();
  const markdown = isMarkdownPath(target);
  const dir = target.includes("/") ? target.slice(0, target.lastIndexOf("/")) : "";
  const cardProblem =
    tab === "preview" ? cardYamlProblem({ type: repo.type, path: target, content }) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    const problem = repoPathProblem(target);
    if (problem) return setError({ message: problem });
    const yaml = cardYamlProblem({ type: repo.type, path: target, content });
    if (yaml) return setError({ message: s.invalidCard(yaml) });
    setPending(true);
    setError(null);
    const outcome = await postCommit(repo, {
      branch,
      parentCommit,
      message: message.trim() || undefined,
      operations: [
        // Only the file opened for editing is replaced; a new name must not exist yet.
        { kind: "content", path: target, content, replace: path === target },
        // Renaming while editing: the old name goes in the same commit.
        ...(path && path !== target ? [{ kind: "deleteFile" as const, path }] : []),
      ],
    });
    setPending(false);
    if (!outcome.ok && outcome.reason === "file_exists")
      return setError({ message: s.fileExists(target), existing: target });
    if (!outcome.ok)
      return setError({ message: outcome.message, conflict: outcome.status === 409 });
    router.push(blobHref(repo, branch, target));
    router.refresh();
  }

  const tabClass = (active: boolean) =>
    cn(
      "border-b-2 px-3 py-1.5 text-sm font-medium",
      active ? "border-brand" : "border-transparent text-muted-foreground",
    );
  return (
    <form onSubmit={(event) => void save(event)} className="space-y-4">
      <Field id="file-name" label={s.fileName} hint={s.fileNameHint}>
        <Input
          id="file-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={1024}
          className="font-mono"
        />
      </Field>
      <div
        className={cn(
          "grid items-start gap-4",
          target === "README.md" && "lg:grid-cols-[minmax(0,1fr)_18rem]",
        )}
      >
        <div className="min-w-0 rounded-lg border">
          <div role="tablist" className="flex gap-1 border-b px-2">
            <button
              type="button"
              role="tab"
              aria-selected={tab === "edit"}
              className={tabClass(tab === "edit")}
              onClick={() => setTab("edit")}
            >
              {s.edit}
            </button>
            {markdown ? (
              <button
                type="button"
                role="tab"
                aria-selected={tab === "preview"}
                className={tabClass(tab === "preview")}
                onClick={() => setTab("preview")}
              >
                {s.preview}
              </button>
            ) : null}
          </div>
          {tab === "edit" || !markdown ? (
            <Textarea
              aria-label={s.content}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={22}
              spellCheck={false}
              className="rounded-none border-0 font-mono text-[0.8125rem] leading-5 focus-visible:-outline-offset-2"
              data-testid="file-content"
            />
          ) : (
            <div className="min-h-80 p-4" data-testid="file-preview">
              {cardProblem ? (
                <p
                  role="alert"
                  className="border-danger/40 bg-danger/10 text-danger mb-4 rounded-md border p-3 text-sm"
                >
                  {s.invalidCard(cardProblem)}
                </p>
              ) : null}
              <MarkdownView
                source={content.replace(/^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)\r?\n/, "")}
                base={{ repoPath: repoHref(repo), rev: branch, dir }}
              />
            </div>
          )}
        </div>
        {target === "README.md" ? (
          <CardMetadataForm type={repo.type} content={content} onChange={setContent} />
        ) : null}
      </div>
      <Field id="edit-message" label={s.commitMessage}>
        <Input
          id="edit-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          placeholder={target ? defaultCommitMessage([{ kind: "content", path: target }]) : ""}
          maxLength={500}
        />
      </Field>
      {error ? (
        <div
          role="alert"
          className="border-danger/40 bg-danger/10 text-danger space-y-1 rounded-md border p-3 text-sm"
        >
          <p>{error.message}</p>
          {error.conflict ? (
            <p>
              {s.keepChanges}{" "}
              <Link
                href={path ? blobHref(repo, branch, path) : cancelHref}
                target="_blank"
                className="underline"
              >
                {s.openLatest}
              </Link>
            </p>
          ) : null}
          {error.existing ? (
            <p>
              <Link href={editHref(repo, branch, error.existing)} className="underline">
                {s.editExisting(error.existing)}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !target}>
          {pending ? s.saving : s.save}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          {s.discard}
        </ButtonLink>
      </div>
    </form>
  );
}

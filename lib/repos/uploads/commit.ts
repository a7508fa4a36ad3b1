import "server-only";

import fsp from "node:fs/promises";

import { z } from "zod";

import { deleteStagedUploads, findStagedUploads } from "@/db/queries/staged-uploads";
import type { Caller } from "@/lib/auth/caller";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { commitChanges, resolveRevision, type CommitOperation } from "@/lib/hub";
import { maxCommitOperations } from "@/lib/hub/limits";
import type { RepoRef } from "@/lib/hub/types";
import { getBlobStore } from "@/lib/storage/blob-store";
import { repoPathProblem } from "@/lib/validation/repo-paths";

import { getRepo } from "../access";
import { cardYamlProblem } from "../card/card-yaml-problem";
import { commitIdentity } from "../identity";
import { defaultCommitMessage } from "./commit-message";
import { refuseOverwrites } from "./existing-files";
import { maxEditableBytes } from "./limits";
import { sweepStagedUploadsSometimes, uploadTempLabel } from "./sweep";

const path = z.string().max(4096, "The path is too long.");
/** Only a file marked `replace` may overwrite one that exists at the parent commit. */
const replace = z.boolean().optional();

const operationSchema = z.discriminatedUnion("kind", [
  /** A file uploaded before (see stageUpload), committed at `path`. */
  z.object({
    kind: z.literal("upload"),
    path,
    uploadId: z.uuid("Unknown upload id."),
    replace,
  }),
  /** A text file written in the browser. */
  z.object({ kind: z.literal("content"), path, content: z.string(), replace }),
  z.object({ kind: z.literal("deleteFile"), path }),
  z.object({ kind: z.literal("deleteFolder"), path }),
]);

const webCommitSchema = z.object({
  branch: z.string().min(1, "Choose a branch.").max(200),
  /** The commit the author saw: if the branch moved since, nothing is committed (409). */
  parentCommit: z
    .string()
    .regex(/^[0-9a-f]{40}$/, "The parent commit must be a full commit id.")
    .optional(),
  message: z.string().trim().max(500, "Keep the commit title under 500 characters.").optional(),
  description: z.string().max(20_000).optional(),
  operations: z
    .array(operationSchema)
    .min(1, "The commit has no changes.")
    .max(
      maxCommitOperations,
      `A commit can change at most ${maxCommitOperations} files; split it into several commits.`,
    ),
});

/** What the commit route accepts (validated again inside). */
export type WebCommitInput = z.input<typeof webCommitSchema>;
export type WebCommitResult = { commit: string; branch: string; changed: number };

function checkOperations(
  type: RepoRef["type"],
  operations: z.output<typeof webCommitSchema>["operations"],
): void {
  for (const op of operations) {
    const path = op.kind === "deleteFolder" ? op.path.replace(/\/$/, "") : op.path;
    const problem = repoPathProblem(path);
    if (problem) throw new AppError("bad_request", problem);
    if (op.kind === "content" && Buffer.byteLength(op.content) > maxEditableBytes) {
      throw new AppError(
        "payload_too_large",
        `"${op.path}" is larger than ${maxEditableBytes} bytes; upload it as a file instead.`,
      );
    }
    const yaml = op.kind === "content" ? cardYamlProblem({ type, ...op }) : null;
    if (yaml) {
      throw new AppError("bad_request", `${yaml} Correct it, then commit again.`, {
        reason: "invalid_card",
      });
    }
  }
}

/**
 * Commits what a browser user prepared — uploaded files, edited text, deletions — as one commit.
 * Uploads must be the caller's own, for this repository, and not expired. They stay staged until
 * the commit has landed: a conflict (the branch moved past `parentCommit`) or any other failure
 * leaves the repository unchanged and the uploads ready for another try.
 */
export async function commitWebChanges(
  caller: Caller,
  address: RepoRef,
  input: unknown,
): Promise<WebCommitResult> {
  sweepStagedUploadsSometimes();
  const parsed = webCommitSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues.map((issue) => issue.message).join(" "), {
      fieldErrors: zodFieldErrors(parsed.error),
    });
  }
  const data = parsed.data;
  checkOperations(address.type, data.operations);
  const { repo, ref } = await getRepo(caller, address, "write");
  // The overwrite check and the commit see the same parent, so a file added meanwhile is not lost.
  // A parent that does not resolve is left for commitChanges to refuse in its own words.
  const parent = await resolveRevision(ref, data.parentCommit ?? data.branch);
  if (parent) {
    await refuseOverwrites(ref, {
      rev: parent.commit,
      paths: data.operations.flatMap((op) =>
        (op.kind === "upload" || op.kind === "content") && !op.replace ? [op.path] : [],
      ),
    });
  }

  const uploadIds = data.operations.flatMap((op) => (op.kind === "upload" ? [op.uploadId] : []));
  const staged = new Map(
    (await findStagedUploads({ ids: uploadIds, userId: caller.id, repoId: repo.id })).map((u) => [
      u.id,
      u,
    ]),
  );
  const links: string[] = [];
  try {
    const operations: CommitOperation[] = [];
    for (const op of data.operations) {
      if (op.kind === "upload") {
        const upload = staged.get(op.uploadId);
        if (!upload)
          throw new AppError(
            "bad_request",
            `The upload of "${op.path}" expired or was not found; upload the file again.`,
          );
        // commitChanges consumes the file it is given; a hard link keeps the staged copy until the commit lands.
        const link = getBlobStore().tempPath(`${uploadTempLabel}-commit`);
        await fsp.link(upload.tempFile, link).catch(() => {
          throw new AppError(
            "bad_request",
            `The upload of "${op.path}" is missing; upload the file again.`,
          );
        });
        links.push(link);
        operations.push({
          kind: "file",
          path: op.path,
          source: { tempFile: link, sha256: upload.sha256 },
        });
      } else if (op.kind === "content") {
        operations.push({ kind: "file", path: op.path, source: { content: op.content } });
      } else {
        operations.push(op);
      }
    }
    const result = await commitChanges({
      repo: ref,
      branch: data.branch,
      parentCommit: data.parentCommit ?? parent?.commit,
      message: data.message || defaultCommitMessage(data.operations),
      description: data.description || undefined,
      author: commitIdentity(caller),
      operations,
      source: "web",
    });
    const files = await deleteStagedUploads([...staged.keys()], caller.id);
    await Promise.all(files.map((file) => fsp.rm(file, { force: true })));
    return { commit: result.commit, branch: result.branch, changed: data.operations.length };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict" && data.parentCommit) {
      throw new AppError(
        "conflict",
        `Someone changed "${data.branch}" since you opened this page, so nothing was committed. Your changes are kept: review the latest version, then commit again.`,
        { headers: { "X-Error-Code": "StaleParent" } },
      );
    }
    throw error;
  } finally {
    await Promise.all(links.map((link) => fsp.rm(link, { force: true })));
  }
}

// Browser side of the commit route: one JSON request, errors as the server worded them.
import type { ErrorReason } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub/types";
import type { WebCommitInput } from "@/lib/repos/uploads/commit";
import { repoApiHref } from "@/lib/repos/urls";

export type CommitOutcome =
  | { ok: true; commit: string }
  | { ok: false; status: number; message: string; reason?: ErrorReason };

export async function postCommit(repo: RepoRef, body: WebCommitInput): Promise<CommitOutcome> {
  try {
    const response = await fetch(repoApiHref(repo, "commit"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    const data = (await response.json().catch(() => ({}))) as {
      commit?: string;
      error?: string;
      reason?: ErrorReason;
    };
    if (response.ok && data.commit) return { ok: true, commit: data.commit };
    return {
      ok: false,
      status: response.status,
      message: data.error ?? `The server answered ${response.status}.`,
      reason: data.reason,
    };
  } catch {
    return { ok: false, status: 0, message: "The connection failed; check it and try again." };
  }
}

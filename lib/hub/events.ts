import "server-only";

import type { RepoRef } from "@/lib/hub/types";

/**
 * The seam for "a repository changed". Every path that changes a repository (server-side commits,
 * branch and tag changes, create/delete/rename here; git pushes in the git HTTP layer, which calls
 * `notifyRepoChanged` after receive-pack with the refs it updated) reports here, and whoever keeps
 * derived state (search index, card metadata, last-modified, Space builds) listens.
 */

export type ChangeSource = "web" | "api" | "git";

export type RefUpdate = { ref: string; before: string | null; after: string | null };

export type RepoChange =
  | { kind: "created"; repo: RepoRef; refs: RefUpdate[] }
  | { kind: "refs"; repo: RepoRef; refs: RefUpdate[]; source: ChangeSource }
  | { kind: "deleted"; repo: RepoRef }
  | { kind: "renamed"; repo: RepoRef; from: RepoRef };

export type RepoChangeListener = (change: RepoChange) => void | Promise<void>;

const globalForEvents = globalThis as unknown as { strataRepoListeners?: Set<RepoChangeListener> };

function listeners(): Set<RepoChangeListener> {
  return (globalForEvents.strataRepoListeners ??= new Set());
}

/** Registers a listener; returns a function that removes it. */
export function onRepoChanged(listener: RepoChangeListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/**
 * Tells every listener, and waits for them so that the caller's next read (a redirect to the repo
 * page) already sees derived state. A failing listener is logged, never thrown: the change itself
 * has happened and must not be reported as failed.
 */
export async function notifyRepoChanged(change: RepoChange): Promise<void> {
  // Listeners get plain refs, whatever object the caller passed in.
  const ref = (r: RepoRef): RepoRef => ({ type: r.type, owner: r.owner, name: r.name });
  change =
    change.kind === "renamed"
      ? { ...change, repo: ref(change.repo), from: ref(change.from) }
      : { ...change, repo: ref(change.repo) };
  await Promise.all(
    [...listeners()].map(async (listener) => {
      try {
        await listener(change);
      } catch (error) {
        console.error("[strata] repo change listener failed", error);
      }
    }),
  );
}

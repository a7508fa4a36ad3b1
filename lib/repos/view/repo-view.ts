import "server-only";

import { cache } from "react";

import type { RepoType } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { getDefaultBranch, readFileBytes, resolveRevision } from "@/lib/hub";
import { parseCard, type ParsedCard } from "@/lib/hub/card/parse-card";

import { pageCaller } from "@/lib/auth/page-caller";
import { getRepo } from "../access";
import { callerLikes } from "../engagement";

const maxCardBytes = 1024 * 1024;

export type RepoView = {
  type: RepoType;
  owner: string;
  ownerKind: "user" | "org";
  name: string;
  isPrivate: boolean;
  description: string | null;
  likes: number;
  downloads: number;
  liked: boolean;
  signedIn: boolean;
  canWrite: boolean;
  canAdmin: boolean;
  defaultBranch: string;
  /** The default branch's commit (null for a repository without commits). */
  head: string | null;
  createdAt: string;
  updatedAt: string;
};

export type RepoCard = {
  /** The README's markdown without its front matter; null when the repository has no README. */
  body: string | null;
  metadata: ParsedCard["metadata"];
  warnings: string[];
  /** Why the card is not shown (too large), when it is not. */
  omitted: "too_large" | null;
};

/**
 * The repository a page shows, for the signed-in visitor: 404 (notFound in pages) when it does not
 * exist or they may not read it. Memoised per request, so the layout and the page share one load.
 */
export const loadRepoView = cache(
  async (type: RepoType, owner: string, name: string): Promise<RepoView> => {
    const caller = await pageCaller();
    const { repo, ref, allowed } = await getRepo(caller, { type, owner, name });
    const defaultBranch = await getDefaultBranch(ref);
    const head = (await resolveRevision(ref, defaultBranch))?.commit ?? null;
    return {
      type,
      owner: repo.ownerName,
      ownerKind: repo.ownerKind,
      name: repo.name,
      isPrivate: repo.isPrivate,
      description: repo.description,
      likes: repo.likes,
      downloads: repo.downloads,
      liked: await callerLikes(caller, repo),
      signedIn: caller !== null,
      canWrite: allowed.has("write"),
      canAdmin: allowed.has("admin"),
      defaultBranch,
      head,
      createdAt: repo.createdAt.toISOString(),
      updatedAt: repo.updatedAt.toISOString(),
    };
  },
);

/** The README card at a revision (the default branch's head for the header). Never throws for a bad card. */
export const loadRepoCard = cache(
  async (type: RepoType, owner: string, name: string, rev: string): Promise<RepoCard> => {
    const ref = { type, owner, name };
    try {
      const { data } = await readFileBytes(ref, { rev, path: "README.md", maxBytes: maxCardBytes });
      const card = parseCard(data.toString("utf8"), { type });
      return { body: card.body, metadata: card.metadata, warnings: card.warnings, omitted: null };
    } catch (error) {
      const empty = parseCard("", { type });
      if (error instanceof AppError && error.code === "payload_too_large") {
        return { body: null, metadata: empty.metadata, warnings: [], omitted: "too_large" };
      }
      if (error instanceof AppError && error.code === "not_found") {
        return { body: null, metadata: empty.metadata, warnings: [], omitted: null };
      }
      throw error;
    }
  },
);

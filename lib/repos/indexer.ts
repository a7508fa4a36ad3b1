import "server-only";

import {
  findRepoRecord,
  writeRepoIndex,
  type RepoIndexData,
  type RepoRecord,
} from "@/db/queries/repos";
import { writeSpaceCardLook } from "@/db/queries/spaces";
import type { RepoFacet } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { readFileBytes, resolveRevision, type RepoChange } from "@/lib/hub";
import { parseCard, type ParsedCard } from "@/lib/hub/card/parse-card";

import { syncModelCiOnPush } from "@/lib/model-ci/on-push";
import { syncSpaceBuild } from "@/lib/spaces/builds";

import { refOf } from "./access";
import { spaceSettingsOf } from "./space-card";

const maxCardBytes = 1024 * 1024;
const maxSearchCardChars = 50_000;

async function readCard(repo: RepoRecord, commit: string): Promise<ParsedCard> {
  try {
    const { data } = await readFileBytes(refOf(repo), {
      rev: commit,
      path: "README.md",
      maxBytes: maxCardBytes,
    });
    return parseCard(data.toString("utf8"), { type: repo.type });
  } catch (error) {
    // No README, or one too large to index: the repository simply has no card labels.
    if (
      error instanceof AppError &&
      (error.code === "not_found" || error.code === "payload_too_large")
    ) {
      return parseCard("", { type: repo.type });
    }
    throw error;
  }
}

function labelsOf(
  card: ParsedCard,
  { type, sdk }: { type: RepoRecord["type"]; sdk: string | null },
): RepoIndexData["labels"] {
  const m = card.metadata;
  const labels: { facet: RepoFacet; value: string }[] = [];
  const add = (facet: RepoFacet, values: (string | null)[]) => {
    for (const value of values) if (value) labels.push({ facet, value });
  };
  add("task", type === "dataset" ? m.taskCategories : [m.pipelineTag]);
  add("library", [m.libraryName]);
  add("framework", m.frameworks);
  add("hardware", m.hardware);
  add("license", m.licenses);
  add("language", m.languages);
  add("dataset", m.datasets);
  add("size", m.sizeCategories);
  add("tag", m.tags);
  if (type === "space") {
    add("model", m.models);
    add("sdk", [sdk]);
  }
  return labels;
}

/**
 * Re-derives everything lists and search know about a repository from its default branch: card
 * labels, tags, license, head commit, last-modified time and the search text.
 */
export async function indexRepository(repo: RepoRecord, changedAt = new Date()): Promise<void> {
  const head = await resolveRevision(refOf(repo), "HEAD");
  const card = head ? await readCard(repo, head.commit) : parseCard("", { type: repo.type });
  const sdk =
    repo.type === "space" && typeof card.data.sdk === "string" ? card.data.sdk.slice(0, 32) : null;
  // The Hub tags a Space with its SDK, so `?filter=gradio` finds gradio Spaces.
  const tags = sdk ? [...new Set([...card.tags, sdk])] : card.tags;
  await writeRepoIndex(repo.id, {
    license: card.metadata.licenses[0] ?? null,
    pipelineTag: card.metadata.pipelineTag ?? card.metadata.taskCategories[0] ?? null,
    libraryName: card.metadata.libraryName,
    sdk,
    tags,
    frameworks: card.metadata.frameworks,
    hardware: card.metadata.hardware,
    headCommit: head?.commit ?? null,
    updatedAt: head?.commit === repo.headCommit ? repo.updatedAt : changedAt,
    labels: labelsOf(card, { type: repo.type, sdk }),
    search: {
      name: repo.name,
      owner: repo.ownerName,
      description: repo.description ?? "",
      card: card.body.slice(0, maxSearchCardChars),
      tags: tags.join(" "),
    },
  });
  if (repo.type === "space") {
    const { title, emoji, colorFrom, colorTo, shortDescription } = spaceSettingsOf(card.data);
    await writeSpaceCardLook(repo.id, { title, emoji, colorFrom, colorTo, shortDescription });
  }
}

/** Re-indexes the repository a change was about (deleted ones have no row left to update). */
export async function reindexAfterChange(change: RepoChange): Promise<void> {
  if (change.kind === "deleted") return;
  const record = await findRepoRecord(change.repo.type, change.repo.owner, change.repo.name);
  if (!record) return;
  await indexRepository(record);
  // A Space builds on every change of its default branch; a model may ask for CI on push.
  if (record.type === "space") await syncSpaceBuild(record);
  if (record.type === "model") await syncModelCiOnPush(record);
}

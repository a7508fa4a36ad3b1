import "server-only";

import { z } from "zod";

import { finishModelCiRow, hasPushRunAt, listQueuedPushRuns } from "@/db/queries/model-ci";
import type { RepoRecord } from "@/db/queries/repos";
import { AppError } from "@/lib/errors";
import { readFileBytes, resolveRevision } from "@/lib/hub";
import { parseCard } from "@/lib/hub/card/parse-card";
import { cancelJobAsSystem } from "@/lib/jobs/job-control";
import { refOf } from "@/lib/repos/access";

import { listCiEnvironments } from "./environments";
import { defaultTimeoutSeconds, startRun } from "./start";

/** The card's `ci:` entry: `{on: push, environments: [...]}`; anything else starts nothing. */
const ciCardSchema = z.object({
  on: z.literal("push"),
  environments: z.array(z.string()).max(10).optional(),
});

async function ciSettings(repo: RepoRecord, commit: string) {
  try {
    const { data } = await readFileBytes(refOf(repo), {
      rev: commit,
      path: "README.md",
      maxBytes: 1024 * 1024,
    });
    const parsed = ciCardSchema.safeParse(
      parseCard(data.toString("utf8"), { type: "model" }).data.ci,
    );
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * After a push to a model's default branch: when its card says `ci: {on: push}`, starts a run of
 * the new head in the card's environments (default: the first public one), as the system. At most
 * one push-started run waits per model: a newer push replaces the one that has not started yet.
 * Idempotent per commit, so the change listener may call it more than once.
 */
export async function syncModelCiOnPush(repo: RepoRecord): Promise<void> {
  if (repo.type !== "model") return;
  const head = await resolveRevision(refOf(repo), "HEAD");
  if (!head || (await hasPushRunAt(repo.id, head.commit))) return;
  const settings = await ciSettings(repo, head.commit);
  if (!settings) return;
  const available = await listCiEnvironments(null);
  const environments = settings.environments
    ? available.filter((e) => settings.environments!.includes(e.id))
    : available.slice(0, 1);
  if (!environments.length) return;
  for (const queued of await listQueuedPushRuns(repo.id)) {
    // Recorded first, so the cancel's hook finds the reason already there.
    await finishModelCiRow(
      queued.jobId,
      { status: "stopped", stopReason: "cancelled_by_newer_push" },
      new Date(),
    );
    await cancelJobAsSystem(queued.jobId, `Superseded by ${head.commit.slice(0, 7)}.`);
  }
  await startRun({
    repo,
    commit: head.commit,
    environments,
    createdBy: null,
    timeoutSeconds: defaultTimeoutSeconds,
    trigger: "push",
  });
}

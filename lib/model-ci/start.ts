import "server-only";

import { z } from "zod";

import { findModelCiRow, insertModelCiRun, type NewModelCiRow } from "@/db/queries/model-ci";
import type { RepoRecord } from "@/db/queries/repos";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { getPathInfo, resolveRevision, type RepoRef } from "@/lib/hub";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Labels } from "@/lib/jobs/protocol";
import { getRepo, refOf } from "@/lib/repos/access";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { listCiEnvironments, type CiEnvironment } from "./environments";
import { modelCiSpec } from "./job-spec";

const minute = 60;
export const defaultTimeoutSeconds = 30 * minute;

export const startModelCiSchema = z.object({
  environments: z
    .array(z.string().trim().min(1).max(300))
    .min(1, "Choose at least one environment.")
    .max(10),
  revision: z.string().trim().min(1).max(256).optional(),
  timeoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(defaultTimeoutSeconds / minute),
});
export type StartModelCiInput = z.input<typeof startModelCiSchema>;

/**
 * Where a run of an environment goes. NPU images run in docker on NPU runners, with one NPU
 * allocated (the executor passes its device flags). CPU images run on shell runners that declare
 * the environment with the label `image=<repository>:<tag>` (the embedded runner takes it from
 * `STRATA_EMBEDDED_RUNNER_LABELS`): a shell host has no image to switch to, so it must say which
 * environment it is, and a run never lands on a host with other versions than the ones it shows.
 */
function placement(env: CiEnvironment): { labels: Labels; npuCount: number; image?: string } {
  return env.hardware === "npu"
    ? { labels: { hardware: "npu" }, npuCount: 1, image: env.pullImage }
    : { labels: { hardware: "cpu", executor: "shell", image: env.id }, npuCount: 0 };
}

/**
 * Starts a CI run of a model (writers only): one `model-ci` job per environment, pinned to the
 * revision's commit as of now. A commit without `examples/inference.py` is recorded as
 * `no_inference_py` at once, without a job.
 */
export async function startModelCi(
  caller: Caller,
  address: Omit<RepoRef, "type">,
  input: StartModelCiInput,
): Promise<{ runId: number }> {
  const want = startModelCiSchema.parse(input);
  const { repo, ref } = await getRepo(caller, { ...address, type: "model" }, "write");
  const resolved = await resolveRevision(ref, want.revision ?? "HEAD");
  if (!resolved) {
    throw new AppError("not_found", `The revision ${want.revision ?? "HEAD"} does not exist.`);
  }
  const available = await listCiEnvironments(caller);
  const environments = [...new Set(want.environments)].map((id) => {
    const env = available.find((e) => e.id === id);
    if (!env) {
      throw new AppError(
        "bad_request",
        `${id} is not a CI environment; choose one of: ${available.map((e) => e.id).join(", ")}.`,
      );
    }
    return env;
  });
  return startRun({
    repo,
    commit: resolved.commit,
    environments,
    createdBy: caller.id,
    timeoutSeconds: want.timeoutMinutes * minute,
  });
}

/**
 * Queues one job per environment at `commit` and records the run; the caller (a writer, or the
 * system for a push) has been checked. A commit without the script gets no job at all.
 */
export async function startRun(input: {
  repo: RepoRecord;
  commit: string;
  environments: CiEnvironment[];
  createdBy: number | null;
  timeoutSeconds: number;
  trigger?: "push";
}): Promise<{ runId: number }> {
  const { repo, commit } = input;
  const ref = refOf(repo);
  const { entry } = await getPathInfo(ref, { rev: commit, path: "examples/inference.py" });
  const hasScript = entry?.type === "file";
  const grant = `${repoTypePlural.model}/${ref.owner}/${ref.name}`;
  const rows: NewModelCiRow[] = [];
  for (const env of input.environments) {
    if (!hasScript) {
      rows.push({
        jobId: null,
        image: env.id,
        hardware: env.hardware,
        status: "failed",
        stopReason: "no_inference_py",
      });
      continue;
    }
    const where = placement(env);
    const { id } = await enqueueJob({
      kind: "model-ci",
      spec: modelCiSpec({
        cloneUrl: `${getConfig().publicUrl}/${grant}.git`,
        commit,
        image: where.image,
      }),
      labels: where.labels,
      npuCount: where.npuCount,
      timeoutSeconds: input.timeoutSeconds,
      // A lost runner's job runs once more, then counts as lost.
      maxAttempts: 2,
      resource: { type: "repo", repoId: repo.id },
      createdBy: input.createdBy,
      grants: { clone: [grant] },
    });
    rows.push({
      jobId: id,
      image: env.id,
      hardware: env.hardware,
      status: "queued",
      stopReason: null,
    });
  }
  const runId = await insertModelCiRun(
    { repoId: repo.id, commit, createdBy: input.createdBy, trigger: input.trigger ?? null, rows },
    new Date(),
  );
  return { runId };
}

/** "Rerun": the same environment at the same commit, as a new run. */
export async function rerunModelCi(
  caller: Caller,
  address: Omit<RepoRef, "type">,
  rowId: number,
): Promise<{ runId: number }> {
  const { repo } = await getRepo(caller, { ...address, type: "model" }, "write");
  const row = await findModelCiRow(rowId);
  if (!row || row.repoId !== repo.id) throw new AppError("not_found", "CI run not found.");
  return startModelCi(caller, address, { environments: [row.image], revision: row.commit });
}

import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { owners } from "./accounts";
import { jobs } from "./jobs";
import { repos } from "./repos";

/**
 * One row per environment of a model CI run. The job holds the live state (queued, running, its
 * log, its exit code); this row holds what the job cannot: the model, the pinned commit, the
 * environment it was started for, and why it did not pass. Rows started together share `run_id`
 * (the id of the first row), so the CI tab shows a run with its environments; a run decided at
 * start without any job (no `examples/inference.py`) has `job_id` null and its reason at once.
 */
export const modelCiRuns = sqliteTable(
  "model_ci_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id").notNull(),
    repoId: integer("repo_id")
      .notNull()
      .references(() => repos.id, { onDelete: "cascade" }),
    jobId: integer("job_id").references(() => jobs.id, { onDelete: "set null" }),
    commit: text("commit").notNull(),
    /** `base_image/openmind:<tag>`: the image-center tag the run used. */
    image: text("image").notNull(),
    hardware: text("hardware", { enum: ["cpu", "npu"] }).notNull(),
    createdBy: integer("created_by").references(() => owners.id, { onDelete: "set null" }),
    /** `push`: started by a push to the default branch (the card's `ci: {on: push}`). */
    trigger: text("trigger", { enum: ["push"] }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** Why it did not pass (`timeout`, `stopped`, `no_inference_py`, …); null while open or passed. */
    stopReason: text("stop_reason"),
    /** Set when the outcome is recorded (by the job's hook, or at start). */
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    status: text("status", {
      enum: ["queued", "running", "success", "failed", "stopped"],
    }).notNull(),
  },
  (t) => [index("model_ci_runs_repo").on(t.repoId, t.id), index("model_ci_runs_job").on(t.jobId)],
);

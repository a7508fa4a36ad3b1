import "server-only";

import { migrateDatabase } from "@/db/client";
import { ConfigError, getConfig } from "@/lib/config";
import { startEmbeddedRunner } from "@/lib/jobs/embedded-runner";
import { startJobsBackground } from "@/lib/jobs/reaper";
import { startIndexReconciler } from "@/lib/repos/reconcile-index";
import { registerRepoIndexer } from "@/lib/repos/register-indexer";
import { startSpaceSleeper } from "@/lib/spaces/sleep";
import { sweepStaleTempFilesAtStart } from "@/lib/storage/temp-sweep";

import { makeDataDirPrivate } from "./private-data-dir";

const globalForStart = globalThis as unknown as { strataStarted?: boolean };

/**
 * Everything the server does once at start: validate configuration (a bad value stops the process
 * with a message naming the variable), apply migrations, then start background work. Idempotent.
 */
export function startServer(): void {
  if (globalForStart.strataStarted) return;
  globalForStart.strataStarted = true;
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[strata] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  makeDataDirPrivate(getConfig().dataDir);
  migrateDatabase();
  void sweepStaleTempFilesAtStart();
  registerRepoIndexer();
  startIndexReconciler();
  startJobsBackground();
  startSpaceSleeper();
  startEmbeddedRunner();
}

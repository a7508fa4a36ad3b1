// Runs before each test file: a fresh data dir with a migrated SQLite database, so tests use the
// real storage and never share rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

import { closeDatabase, migrateDatabase } from "@/db/client";
import { resetConfigForTests } from "@/lib/config";
import { registerRepoIndexer } from "@/lib/repos/register-indexer";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-test-"));
process.env.STRATA_DATA_DIR = dataDir;
process.env.STRATA_EMBEDDED_RUNNER = "0";
resetConfigForTests();
closeDatabase();
migrateDatabase();
registerRepoIndexer();

afterAll(() => {
  closeDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

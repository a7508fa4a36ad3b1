// `npm run db:migrate` – apply committed migrations to the database under STRATA_DATA_DIR.
import { ConfigError, getConfig } from "@/lib/config";

import { closeDatabase, databaseFile, migrateDatabase } from "./client";

try {
  getConfig();
  migrateDatabase();
  closeDatabase();
  console.log(`Database is up to date: ${databaseFile()}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

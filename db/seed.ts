// `npm run db:seed` – create demo accounts, organisations and content; safe to run again.
import { ConfigError, getConfig } from "@/lib/config";
import { registerRepoIndexer } from "@/lib/repos/register-indexer";
import { seedDemoData } from "@/lib/seed";

import { closeDatabase, migrateDatabase } from "./client";

try {
  getConfig();
  migrateDatabase();
  registerRepoIndexer();
  await seedDemoData();
  closeDatabase();
  console.log("Demo data is in place.");
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

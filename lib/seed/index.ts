import "server-only";

import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";

import { seedAccounts } from "./accounts";
import { seedModelCi } from "./model-ci";
import { seedRepos } from "./repos";

/** Demo data for a fresh install, in dependency order. Every step is idempotent. */
export async function seedDemoData(): Promise<void> {
  await seedAccounts();
  await seedImageCatalog();
  await seedRepos();
  await seedModelCi();
}

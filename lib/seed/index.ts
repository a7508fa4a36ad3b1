import "server-only";

import { seedAccounts } from "./accounts";

/** Demo data for a fresh install, in dependency order. Every step is idempotent. */
export async function seedDemoData(): Promise<void> {
  await seedAccounts();
}

export { demoLogin } from "./accounts";

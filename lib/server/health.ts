import "server-only";

import { checkDatabase } from "@/db/queries/health";

/** Whether this process can serve: today, whether the database answers. */
export async function isHealthy(): Promise<boolean> {
  try {
    await checkDatabase();
    return true;
  } catch {
    return false;
  }
}

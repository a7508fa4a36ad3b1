import "server-only";

import { touchSpaceActivity } from "@/db/queries/space-runs";

const globalForActivity = globalThis as unknown as { strataSpaceActivity?: Map<number, number> };

// The sleeper counts idle time in minutes to hours: one write per Space every few seconds is plenty,
// and the proxy's hot path then takes the database's write lock only that often.
const everyMs = 5_000;

/** A request reached the Space's app: it is not idle. */
export async function noteSpaceActivity(repoId: number, now = new Date()): Promise<void> {
  const seen = (globalForActivity.strataSpaceActivity ??= new Map<number, number>());
  const last = seen.get(repoId);
  if (last !== undefined && now.getTime() - last < everyMs) return;
  seen.set(repoId, now.getTime());
  await touchSpaceActivity(repoId, now);
}

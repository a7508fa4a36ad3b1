import "server-only";

import { sql } from "drizzle-orm";

import { getDb } from "../client";

export async function checkDatabase(): Promise<void> {
  getDb().get(sql`select 1`);
}

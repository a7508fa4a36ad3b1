import "server-only";

// Query functions are async although better-sqlite3 is synchronous, so that an async driver
// (Postgres, DESIGN §2) can replace it without changing any caller.
/* eslint-disable @typescript-eslint/require-await */

import { eq } from "drizzle-orm";

import { getDb } from "../client";
import { owners } from "../schema";

/** The kind of an owner (user or organisation) by id, or null when it no longer exists. */
export async function findOwnerKindById(id: number): Promise<"user" | "org" | null> {
  return (
    getDb().select({ kind: owners.kind }).from(owners).where(eq(owners.id, id)).get()?.kind ?? null
  );
}

import "server-only";

import { eq } from "drizzle-orm";

import { getDb } from "../client";
import { owners } from "../schema";

/** The kind of an owner (user or organisation) by id, or null when it no longer exists. */
export async function findOwnerKindById(id: number): Promise<"user" | "org" | null> {
  return (
    getDb().select({ kind: owners.kind }).from(owners).where(eq(owners.id, id)).get()?.kind ?? null
  );
}

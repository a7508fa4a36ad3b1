import "server-only";

import { desc, eq } from "drizzle-orm";

import { getDb } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  target: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export async function insertAudit(entry: AuditEntry): Promise<void> {
  getDb()
    .insert(auditLog)
    .values({ ...entry, ip: entry.ip ?? null, details: entry.details ?? null })
    .run();
}

export async function listAuditForActor(actorId: number, limit = 50) {
  return getDb()
    .select({
      action: auditLog.action,
      target: auditLog.target,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.actorId, actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { actorColumns, type Actor } from './context';

export interface AuditEntry {
  actor: Actor;
  centerId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Written inside the action's own transaction, so an action and its audit row land together. */
export async function writeAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    ...actorColumns(entry.actor),
    centerId: entry.centerId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  });
}

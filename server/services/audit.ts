import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { actorColumns, type Actor } from './context';

/**
 * An audit row holds ids, codes, counts and hashes — never personal data (names, phones, ID
 * numbers, free text): the rows can never be changed or removed, so they must stay harmless
 * after a case's personal data is erased (server/services/retention.ts).
 */
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
  await auditInsert(tx, auditRow(entry));
}

/** The audit row of an entry, not yet written (its values may be replaced by placeholders). */
export function auditRow(entry: AuditEntry) {
  return {
    ...actorColumns(entry.actor),
    centerId: entry.centerId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  };
}

/** The insert of an audit row made by `auditRow`. */
export function auditInsert(tx: Database, row: ReturnType<typeof auditRow>) {
  return tx.insert(auditLog).values(row);
}

/**
 * A signed-in person was refused: a role that may not call a procedure, a case they have no
 * relation to (they saw "not found"), or an action the policy does not open to them. Written
 * on its own, after the refused work was rolled back.
 */
export async function auditDenied(db: Database, user: SessionUser, refusal: { procedure: string; caseId?: string | null; reason: 'role' | 'no_relation' | 'policy' }) {
  await writeAudit(db, {
    actor: { kind: 'user', user },
    centerId: user.centerId,
    action: 'auth.denied',
    entityType: refusal.caseId ? 'case' : 'procedure',
    entityId: refusal.caseId ?? null,
    data: { procedure: refusal.procedure, reason: refusal.reason },
  });
}

/**
 * A document generated from a case (a receipt, a notice, an agreement): call it in the
 * transaction that stores or issues the document, with the SHA-256 of the exact content
 * issued, so the chain can later prove which content was issued and when.
 */
export async function auditDocument(
  tx: Database,
  actor: Actor,
  document: { centerId: string; caseId: string; documentId?: string | null; kind: string; sha256: string },
) {
  await writeAudit(tx, {
    actor,
    centerId: document.centerId,
    action: 'document.generated',
    entityType: 'case',
    entityId: document.caseId,
    data: { documentId: document.documentId ?? null, kind: document.kind, sha256: document.sha256 },
  });
}

/**
 * Data taken out of the system (a list, a statistics sheet): what, in which format, asked for
 * with which parameters (codes and ids only), how many rows, and the hash of what was handed out.
 */
export async function auditExport(
  tx: Database,
  actor: Actor,
  exported: { centerId: string | null; kind: string; format?: string; params?: Record<string, string>; rows: number; sha256: string },
) {
  await writeAudit(tx, {
    actor,
    centerId: exported.centerId,
    action: 'export.generated',
    entityType: 'export',
    data: { kind: exported.kind, ...(exported.format ? { format: exported.format } : {}), ...(exported.params ? { params: exported.params } : {}), rows: exported.rows, sha256: exported.sha256 },
  });
}

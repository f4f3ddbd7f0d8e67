import { createHmac } from 'node:crypto';

/**
 * The hash chains of the audit log (one per center). Link n seals one audit row:
 * hash(n) = HMAC-SHA256(key, hash(n-1) + "\n" + canonical form of the row), starting from 64
 * zeros. Changing any field of a sealed row changes its canonical form and so breaks its
 * link; the chain itself is insert-only like the log. The key (derived from DATA_KEY) means
 * that a database superuser who changes a row cannot recompute the chain after it.
 */
export const genesisHash = '0'.repeat(64);

/** Installation-wide rows (no center: a petitioner's sign-in, the calendar) have a chain of their own. */
export const installationChain = '00000000-0000-0000-0000-000000000000';

export function chainOf(centerId: string | null): string {
  return centerId ?? installationChain;
}

/** An audit row as stored, read so that nothing is lost in transit (see auditRowColumns). */
export interface StoredAuditRow {
  id: string;
  centerId: string | null;
  actorId: string | null;
  actorSystem: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** jsonb's own text form: keys in a fixed order, no insignificant spaces. */
  data: string;
  /** UTC with microseconds, exactly as stored. */
  createdAt: string;
}

/** Versioned, so the form can change later without breaking the chains sealed before. */
export function canonicalAuditRow(row: StoredAuditRow): string {
  return JSON.stringify([
    'audit/1',
    row.id,
    row.centerId,
    row.actorId,
    row.actorSystem,
    row.action,
    row.entityType,
    row.entityId,
    row.createdAt,
    row.data,
  ]);
}

export function linkHash(key: Buffer, prevHash: string, row: StoredAuditRow): string {
  return createHmac('sha256', key).update(`${prevHash}\n${canonicalAuditRow(row)}`).digest('hex');
}

import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, timelineEvents } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { announceTimeline } from '../live';
import { writeAudit } from './audit';
import { staleVersion } from './case-lock';
import { notFound, ServiceError } from './errors';

export interface CaseDetailsEdit {
  expectedVersion: number;
  title?: string;
  description?: string;
  request?: string;
  amountInDispute?: string | null;
}

const editable = ['title', 'description', 'request', 'amountInDispute'] as const;

/**
 * Corrects a case's facts. The edit carries the version the editor saw; if anyone changed
 * the case since, it is refused with who and when, never silently overwritten.
 */
export async function updateCaseDetails(db: Database, actor: SessionUser, access: CaseAccess, edit: CaseDetailsEdit) {
  if (access.relation.kind !== 'center_staff' && access.relation.kind !== 'panel') throw new ServiceError('forbidden', 'errors.forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, access.caseId)).for('update');
    if (!row) throw notFound();
    if (row.version !== edit.expectedVersion) throw await staleVersion(tx, row);
    const changes = Object.fromEntries(editable.filter((k) => edit[k] !== undefined && edit[k] !== row[k]).map((k) => [k, edit[k]]));
    if (Object.keys(changes).length === 0) return { version: row.version, changed: [] as string[] };
    await tx
      .update(cases)
      .set({ ...changes, updatedAt: new Date(), version: sql`${cases.version} + 1` })
      .where(eq(cases.id, row.id));
    await tx.insert(timelineEvents).values({
      centerId: row.centerId,
      caseId: row.id,
      kind: 'details_updated',
      visibility: 'parties',
      actorId: actor.id,
      body: { fields: Object.keys(changes) },
    });
    await announceTimeline(tx, row.id);
    await writeAudit(tx, {
      actorId: actor.id,
      centerId: row.centerId,
      action: 'case.update',
      entityType: 'case',
      entityId: row.id,
      data: { before: Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])), after: changes },
    });
    return { version: row.version + 1, changed: Object.keys(changes) };
  });
}

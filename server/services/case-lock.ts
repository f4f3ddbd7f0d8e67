import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, timelineEvents, users } from '../../db/schema';
import { can, type CaseAccess, type CaseActionName } from '../auth/policy';
import { centerTimeZone } from '../domain/case-number';
import type { CaseStatus } from '../domain/case-status';
import { decideTransition, isTransition } from '../domain/workflow';
import { notFound, ServiceError } from './errors';

/** Refuses unless the policy lets the caller's relation do this. */
export function ensureCan(access: CaseAccess, action: CaseActionName): void {
  if (!can(access, action)) throw new ServiceError('forbidden', 'errors.forbidden');
}

/**
 * Loads a case for a write inside the action's transaction: asks the policy whether the
 * caller may do this, locks the row, asks the workflow whether the case's state allows it,
 * and checks the version the caller saw. `action` may depend on the status (forming a panel
 * vs changing it).
 */
export async function lockCase(
  tx: Database,
  access: CaseAccess,
  action: CaseActionName | ((status: CaseStatus) => CaseActionName),
  expectedVersion?: number,
) {
  const [row] = await tx
    .select({
      id: cases.id,
      centerId: cases.centerId,
      status: cases.status,
      version: cases.version,
      caseNumber: cases.caseNumber,
      updatedAt: cases.updatedAt,
      track: cases.track,
      category: cases.category,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .where(eq(cases.id, access.caseId))
    .for('update');
  if (!row || row.centerId !== access.centerId) throw notFound();
  const chosen = typeof action === 'function' ? action(row.status) : action;
  ensureCan(access, chosen);
  let next = row.status;
  if (isTransition(chosen)) {
    const decision = decideTransition(row.status, chosen);
    if (!decision.ok) throw new ServiceError('conflict', 'intake.notInThisState');
    next = decision.next;
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw await staleVersion(tx, row);
  return { ...row, action: chosen, next };
}

/** "Changed by X at T": who last wrote to the case, for a refused stale edit. */
export async function staleVersion(tx: Database, row: { id: string; updatedAt: Date }) {
  const [last] = await tx
    .select({ name: users.displayName })
    .from(timelineEvents)
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .where(eq(timelineEvents.caseId, row.id))
    .orderBy(desc(timelineEvents.createdAt))
    .limit(1);
  return new ServiceError('conflict', 'errors.staleVersion', {
    values: { name: last?.name ?? '—', time: format(new TZDate(row.updatedAt, centerTimeZone), 'yyyy-MM-dd HH:mm') },
  });
}

/** Writes a status (or the same one again) and bumps the version: every change to a case does. */
export async function setStatus(tx: Database, caseId: string, status: CaseStatus, extra: Partial<typeof cases.$inferInsert> = {}) {
  await tx
    .update(cases)
    .set({ status, updatedAt: new Date(), version: sql`${cases.version} + 1`, ...extra })
    .where(eq(cases.id, caseId));
}

import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, timelineEvents, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import type { CaseStatus } from '../domain/case-status';
import { decideTransition, type CaseAction } from '../domain/workflow';
import { notFound, ServiceError } from './errors';

/**
 * Loads a case for a write inside the action's transaction: locks its row, asks the
 * workflow whether the actor may do this now, and checks the version the caller saw.
 * `action` may depend on the status (forming a panel vs changing it).
 */
export async function lockCase(
  tx: Database,
  actor: SessionUser,
  caseId: string,
  action: CaseAction | ((status: CaseStatus) => CaseAction),
  expectedVersion?: number,
) {
  const [row] = await tx
    .select({ id: cases.id, centerId: cases.centerId, status: cases.status, version: cases.version, caseNumber: cases.caseNumber, updatedAt: cases.updatedAt })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!row) throw notFound();
  const chosen = typeof action === 'function' ? action(row.status) : action;
  const decision = decideTransition(row.status, chosen, { role: actor.role, ofCaseCenter: actor.centerId === row.centerId });
  if (!decision.ok) {
    if (decision.refusal === 'not_allowed_for_role') throw new ServiceError('forbidden', 'errors.forbidden');
    throw new ServiceError('conflict', 'intake.notInThisState');
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw await staleVersion(tx, row);
  return { ...row, action: chosen, next: decision.next };
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
    values: { name: last?.name ?? '—', time: row.updatedAt.toISOString().slice(0, 16).replace('T', ' ') },
  });
}

/** Writes a status (or the same one again) and bumps the version: every change to a case does. */
export async function setStatus(tx: Database, caseId: string, status: CaseStatus, extra: Partial<typeof cases.$inferInsert> = {}) {
  await tx
    .update(cases)
    .set({ status, updatedAt: new Date(), version: sql`${cases.version} + 1`, ...extra })
    .where(eq(cases.id, caseId));
}

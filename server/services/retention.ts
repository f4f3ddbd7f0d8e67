import { subDays, subYears } from 'date-fns';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, phoneCodes, smsOutbox } from '../../db/schema';
import { logError } from '../log';
import { fileStorage } from '../storage';
import { writeAudit } from './audit';
import { systemContext, type Actor } from './context';
import { notFound, ServiceError } from './errors';
import { personalDataPlan } from './retention-plan';

export interface RetentionPolicy {
  /** How long a concluded case keeps its personal data (RETENTION_YEARS). */
  years: number;
  /** How long a text message stays in the outbox (SMS_OUTBOX_RETENTION_DAYS). */
  smsOutboxDays: number;
}

/**
 * When a case is concluded and its retention period starts: closed (the lead's closure sets
 * closed_at), or not taken up at all (declined, transferred: decided_at). A merged case lives
 * on in the case it joined and is not erased on its own.
 */
const concluded = (cutoff: Date) =>
  or(and(eq(cases.status, 'closed'), lt(cases.closedAt, cutoff)), and(inArray(cases.status, ['declined', 'transferred']), lt(cases.decidedAt, cutoff)));

/**
 * The retention sweep: the personal data of every case concluded longer ago than the
 * retention period and not on legal hold is erased (server/services/retention-plan.ts), one
 * case per transaction with its audit row; the rows, the statistics and the audit chain stay.
 * Files are removed once the transaction has committed. Also purges the text-message outbox
 * and used or expired one-time codes, which hold phone numbers.
 */
export async function runRetentionSweep(db: Database, policy: RetentionPolicy, now = new Date()) {
  const cutoff = subYears(now, policy.years);
  const due = await db
    .select({ id: cases.id, centerId: cases.centerId })
    .from(cases)
    .where(and(isNull(cases.personalDataErasedAt), isNull(cases.legalHoldAt), concluded(cutoff)))
    .limit(100);
  let erased = 0;
  for (const target of due) {
    try {
      const files = await eraseCase(db, { ...target, cutoff, now });
      if (files) erased++;
      for (const key of files ?? []) await fileStorage().remove(key);
    } catch (error) {
      // One case's failure must not stop the others; the next sweep tries it again.
      logError('retention.case', error, { caseId: target.id });
    }
  }
  await db.delete(smsOutbox).where(lt(smsOutbox.createdAt, subDays(now, policy.smsOutboxDays)));
  await db.delete(phoneCodes).where(lt(phoneCodes.expiresAt, subDays(now, 1)));
  return { erased, more: due.length === 100 };
}

/** Erases one case if it is still due (not reopened or put on hold meanwhile); returns the files to remove, or null. */
async function eraseCase(db: Database, target: { id: string; centerId: string; cutoff: Date; now: Date }): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, target.id), eq(cases.centerId, target.centerId), isNull(cases.personalDataErasedAt), isNull(cases.legalHoldAt), concluded(target.cutoff)))
      .for('update');
    if (!locked) return null;
    const counts: Record<string, number> = {};
    const files: string[] = [];
    for (const [table, plan] of personalDataPlan) {
      if (typeof plan === 'string') continue;
      const done = await plan(tx, { centerId: target.centerId, caseId: target.id, now: target.now });
      counts[table] = done.rows;
      files.push(...(done.files ?? []));
    }
    const actor = systemContext(tx, 'retention_sweep').actor;
    await writeAudit(tx, { actor, centerId: target.centerId, action: 'case.personal_data_erased', entityType: 'case', entityId: target.id, data: { rows: counts } });
    return files;
  });
}

/**
 * Puts a case on legal hold (litigation, a review, an authority's request) or releases it. A
 * held case keeps its personal data past its retention period. The reason stays with the case
 * (it may name people); the audit row records only that it happened.
 */
export async function setLegalHold(db: Database, actor: Actor, input: { caseNumber: string; reason: string | null }, now = new Date()) {
  const reason = input.reason?.trim() || null;
  if (input.reason !== null && !reason) throw new ServiceError('invalid', 'validation.required', { field: 'reason' });
  return db.transaction(async (tx) => {
    const [held] = await tx
      .update(cases)
      .set({ legalHoldAt: reason ? now : null, legalHoldReason: reason, updatedAt: now, version: sql`${cases.version} + 1` })
      .where(eq(cases.caseNumber, input.caseNumber))
      .returning({ id: cases.id, centerId: cases.centerId, erasedAt: cases.personalDataErasedAt });
    if (!held) throw notFound();
    await writeAudit(tx, { actor, centerId: held.centerId, action: reason ? 'case.legal_hold' : 'case.legal_hold_released', entityType: 'case', entityId: held.id });
    return { caseId: held.id, held: Boolean(reason), alreadyErased: held.erasedAt !== null };
  });
}

import { and, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreements, agreementTerms, judicialConfirmations, organizations } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { enforcementEndsOn, excludedSubjects, type ExcludedSubject } from '../domain/agreements';
import { localDateOf } from '../domain/calendar';
import { judicialConfirmationContent } from '../domain/document-content';
import { recordEvent } from './case-events';
import { ensureCan, lockCase, setStatus } from './case-lock';
import { endClocks, liveClock, startClock } from './clocks';
import type { ServiceContext } from './context';
import { caseSnapshot, storeDocument } from './documents';
import { notFound, ServiceError } from './errors';

export interface ConfirmationApplication {
  agreementId: string;
  court: string;
  venueReason: string;
  /** The pre-check: what the agreement concerns. Any of the excluded subjects refuses it. */
  concerns: ExcludedSubject[];
  expectedVersion: number;
}

/** Where to apply: the court stationed at the center by default (the lead may name another, with the reason). */
export async function confirmationVenue(db: Database, access: CaseAccess) {
  const [court] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.centerId, access.centerId), eq(organizations.kind, 'court')));
  return { court: court?.name ?? null };
}

/**
 * The joint application for judicial confirmation, within 30 days of the agreement taking effect
 * (人民调解法 art. 33). Agreements on personal status or title to property or IP are refused with
 * the reason (法释〔2011〕5号 art. 7). The pack (法释〔2011〕5号 art. 3) is generated; the court's
 * three days to accept start.
 */
export async function applyForConfirmation(ctx: ServiceContext, access: CaseAccess, input: ConfirmationApplication) {
  if (input.concerns.length) throw new ServiceError('invalid', `confirmation.excluded.${input.concerns[0]}`, { field: 'concerns' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'apply_confirmation', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const [agreement] = await tx.select().from(agreements).where(and(eq(agreements.id, input.agreementId), eq(agreements.caseId, row.id)));
    if (!agreement) throw notFound();
    if (agreement.state !== 'effective' || agreement.kind !== 'written') throw new ServiceError('invalid', 'confirmation.writtenEffectiveOnly', { field: 'agreementId' });
    const window = await liveClock(tx, row.id, 'judicial_confirmation');
    if (!window || !window.dueAt || window.dueAt.getTime() < ctx.now().getTime()) throw new ServiceError('conflict', 'confirmation.windowClosed');
    const [earlier] = await tx.select({ id: judicialConfirmations.id }).from(judicialConfirmations).where(and(eq(judicialConfirmations.agreementId, agreement.id)));
    if (earlier) throw new ServiceError('conflict', 'confirmation.alreadyApplied');
    const now = ctx.now();
    // Recorded: each excluded subject was asked about and does not apply.
    await tx.insert(judicialConfirmations).values({ ...target, agreementId: agreement.id, court: input.court, venueReason: input.venueReason, excludedChecked: [...excludedSubjects], appliedAt: now });
    await endClocks(tx, row.id, ['judicial_confirmation'], now);
    await startClock(tx, target, 'court_acceptance', row.track, now);
    const content = judicialConfirmationContent(await caseSnapshot(tx, target), {
      agreementNumber: agreement.number,
      effectiveOn: localDateOf(agreement.effectiveAt!),
      court: input.court,
      venueReason: input.venueReason,
      appliedOn: localDateOf(now),
    });
    await storeDocument(tx, ctx, target, { kind: 'judicial_confirmation_application', content });
    await recordEvent(tx, ctx, target, { kind: 'confirmation_applied', payload: { court: input.court, agreementNumber: agreement.number } }, { applicants: true });
    await setStatus(tx, row.id, row.status);
    return { applied: true };
  });
}

/**
 * The court's milestones, recorded by the judge on the panel: accepted (within 3 days), then
 * confirmed or rejected with the reason (within 15, extendable by 10). A confirmed agreement can
 * be enforced for two years from the last day of performance.
 */
export async function recordCourtDecision(
  ctx: ServiceContext,
  access: CaseAccess,
  input: { step: 'accepted' | 'confirmed' | 'rejected'; reason?: string; expectedVersion: number },
) {
  ensureCan(access, 'record_court_decision');
  if (input.step === 'rejected' && !input.reason) throw new ServiceError('invalid', 'validation.required', { field: 'reason' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_court_decision', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const [application] = await tx.select().from(judicialConfirmations).where(eq(judicialConfirmations.caseId, row.id)).orderBy(desc(judicialConfirmations.appliedAt)).limit(1).for('update');
    if (!application) throw notFound();
    const now = ctx.now();
    if (input.step === 'accepted') {
      if (application.state !== 'applied') throw new ServiceError('conflict', 'confirmation.notApplied');
      await tx.update(judicialConfirmations).set({ state: 'accepted', acceptedAt: now }).where(eq(judicialConfirmations.id, application.id));
      await endClocks(tx, row.id, ['court_acceptance'], now);
      await startClock(tx, target, 'court_decision', row.track, now);
      await recordEvent(tx, ctx, target, { kind: 'confirmation_accepted', payload: { court: application.court } }, { applicants: true });
    } else {
      if (application.state !== 'accepted') throw new ServiceError('conflict', 'confirmation.notAccepted');
      const confirmed = input.step === 'confirmed';
      await tx
        .update(judicialConfirmations)
        .set({ state: input.step, decidedAt: now, rejectionReason: confirmed ? null : input.reason! })
        .where(eq(judicialConfirmations.id, application.id));
      await endClocks(tx, row.id, ['court_decision'], now);
      let enforcementUntil: string | null = null;
      if (confirmed) {
        const [last] = await tx.select({ lastDue: max(agreementTerms.dueOn) }).from(agreementTerms).where(eq(agreementTerms.agreementId, application.agreementId));
        enforcementUntil = last?.lastDue ? enforcementEndsOn(last.lastDue) : null;
      }
      await recordEvent(
        tx,
        ctx,
        target,
        { kind: 'confirmation_decided', payload: { confirmed, reason: confirmed ? null : input.reason!, enforcementUntil } },
        { applicants: true },
      );
    }
    await setStatus(tx, row.id, row.status);
    return { step: input.step };
  });
}

/** The case's confirmation, if applied for, with the enforcement window once confirmed. */
export async function confirmationOf(db: Database, access: CaseAccess) {
  const [application] = await db
    .select()
    .from(judicialConfirmations)
    .where(and(eq(judicialConfirmations.caseId, access.caseId), eq(judicialConfirmations.centerId, access.centerId)))
    .orderBy(desc(judicialConfirmations.appliedAt))
    .limit(1);
  if (!application) return null;
  let enforcementUntil: string | null = null;
  if (application.state === 'confirmed') {
    const [last] = await db.select({ lastDue: max(agreementTerms.dueOn) }).from(agreementTerms).where(eq(agreementTerms.agreementId, application.agreementId));
    enforcementUntil = last?.lastDue ? enforcementEndsOn(last.lastDue) : null;
  }
  return { ...application, enforcementUntil };
}

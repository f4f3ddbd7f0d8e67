import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreementTerms, caseParties, clockPolicies, followUpVisits } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { daysBetween, localDateOf } from '../domain/calendar';
import { followUpAfterClosure, followUpDefaults, followUpReasons, followUpsForTerms, type FollowUpMethod, type FollowUpReason, type Honoured, type PlannedFollowUp } from '../domain/follow-ups';
import type { RatingLevel } from '../domain/ratings';
import { followUpPolicyKey, type Track } from '../domain/tracks';
import { recordEvent, type CaseRef } from './case-events';
import { ensureCan, lockCase, setStatus } from './case-lock';
import { endSubjectClocks, startClock } from './clocks';
import type { ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

type Tx = Database;

/** The center's numbers of days for planning visits: its own where set, else the defaults. */
async function followUpDays(tx: Tx, centerId: string): Promise<Record<FollowUpReason, number>> {
  const own = await tx
    .select({ key: clockPolicies.key, days: clockPolicies.days })
    .from(clockPolicies)
    .where(and(eq(clockPolicies.centerId, centerId), inArray(clockPolicies.key, followUpReasons.map(followUpPolicyKey))));
  return Object.fromEntries(followUpReasons.map((r) => [r, own.find((o) => o.key === followUpPolicyKey(r))?.days ?? followUpDefaults[r]])) as Record<FollowUpReason, number>;
}

/**
 * Plans visits (each once: a replanned date is not planned twice), each with a `follow_up`
 * clock due on its day, so the sweep reminds the panel's lead and overdue ones show.
 */
async function plan(tx: Tx, ctx: ServiceContext, target: CaseRef, track: Track | null, visits: PlannedFollowUp[]) {
  const now = ctx.now();
  const today = localDateOf(now);
  const planned: string[] = [];
  for (const visit of visits) {
    const [row] = await tx.insert(followUpVisits).values({ ...target, reason: visit.reason, dueOn: visit.dueOn }).onConflictDoNothing().returning({ id: followUpVisits.id });
    if (!row) continue;
    await startClock(tx, target, 'follow_up', track, now, { days: Math.max(1, daysBetween(today, visit.dueOn)), subjectId: row.id });
    planned.push(visit.dueOn);
  }
  if (planned.length) await recordEvent(tx, ctx, target, { kind: 'follow_ups_planned', payload: { dates: planned } });
}

/** When an agreement takes effect: a visit before each term falls due, and one after the last. */
export async function planTermFollowUps(tx: Tx, ctx: ServiceContext, target: CaseRef, track: Track | null, agreementId: string) {
  const terms = await tx.select({ dueOn: agreementTerms.dueOn }).from(agreementTerms).where(eq(agreementTerms.agreementId, agreementId));
  const dates = terms.flatMap((t) => (t.dueOn ? [t.dueOn] : []));
  await plan(tx, ctx, target, track, followUpsForTerms(dates, localDateOf(ctx.now()), await followUpDays(tx, target.centerId)));
}

/** When a case closes: a visit some weeks later, to see that the dispute has not come back. */
export async function planClosureFollowUp(tx: Tx, ctx: ServiceContext, target: CaseRef, track: Track | null) {
  await plan(tx, ctx, target, track, [followUpAfterClosure(localDateOf(ctx.now()), await followUpDays(tx, target.centerId))]);
}

/** The case's follow-up visits, planned and made, in date order. */
export async function listFollowUps(db: Database, access: CaseAccess) {
  if (access.relation.kind === 'party') return [];
  return db
    .select({
      id: followUpVisits.id,
      reason: followUpVisits.reason,
      dueOn: followUpVisits.dueOn,
      doneAt: followUpVisits.doneAt,
      method: followUpVisits.method,
      honoured: followUpVisits.honoured,
      satisfaction: followUpVisits.satisfaction,
      newDispute: followUpVisits.newDispute,
      measures: followUpVisits.measures,
      reachedName: caseParties.name,
    })
    .from(followUpVisits)
    .leftJoin(caseParties, eq(caseParties.id, followUpVisits.reachedPartyId))
    .where(and(eq(followUpVisits.caseId, access.caseId), eq(followUpVisits.centerId, access.centerId)))
    .orderBy(asc(followUpVisits.dueOn));
}

export interface FollowUpRecord {
  visitId: string;
  reachedPartyId?: string;
  method: FollowUpMethod;
  honoured?: Honoured;
  satisfaction?: RatingLevel;
  newDispute: boolean;
  measures?: string;
}

/** The record of a visit made: who was reached and how, whether the agreement was honoured, satisfaction, signs of a new dispute, measures taken. */
export async function recordFollowUp(ctx: ServiceContext, access: CaseAccess, input: FollowUpRecord) {
  ensureCan(access, 'record_follow_up');
  return ctx.db.transaction(async (tx) => {
    const [visit] = await tx
      .select()
      .from(followUpVisits)
      .where(and(eq(followUpVisits.id, input.visitId), eq(followUpVisits.caseId, access.caseId), eq(followUpVisits.centerId, access.centerId)))
      .for('update');
    if (!visit) throw notFound();
    if (visit.doneAt) throw new ServiceError('conflict', 'followUp.alreadyRecorded');
    if (input.reachedPartyId) {
      const [party] = await tx.select({ id: caseParties.id }).from(caseParties).where(and(eq(caseParties.id, input.reachedPartyId), eq(caseParties.caseId, access.caseId)));
      if (!party) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'reachedPartyId' });
    }
    const now = ctx.now();
    await tx
      .update(followUpVisits)
      .set({
        doneAt: now,
        doneBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
        reachedPartyId: input.reachedPartyId ?? null,
        method: input.method,
        honoured: input.honoured ?? null,
        satisfaction: input.satisfaction ?? null,
        newDispute: input.newDispute,
        measures: input.measures ?? null,
      })
      .where(eq(followUpVisits.id, visit.id));
    await endSubjectClocks(tx, access.caseId, visit.id, ['follow_up'], now);
    await recordEvent(tx, ctx, { centerId: access.centerId, caseId: access.caseId }, {
      kind: 'follow_up_recorded',
      payload: { reason: visit.reason, method: input.method, honoured: input.honoured ?? null, newDispute: input.newDispute, measures: input.measures ?? null },
    });
    return { id: visit.id };
  });
}

/**
 * A closed case taken up again, with its whole history: a dispute that came back (found on a
 * follow-up visit) or a review that ordered it redone. A new handling clock starts.
 */
export async function reopenIn(tx: Tx, ctx: ServiceContext, row: { id: string; centerId: string; track: Track | null }, reason: string) {
  const target = { centerId: row.centerId, caseId: row.id };
  // The visit planned after the closure no longer applies (the next closure plans its own):
  // its plan goes, with its clock.
  const dropped = await tx
    .delete(followUpVisits)
    .where(and(eq(followUpVisits.caseId, row.id), eq(followUpVisits.reason, 'after_closure'), isNull(followUpVisits.doneAt)))
    .returning({ id: followUpVisits.id });
  await endSubjectClocks(tx, row.id, dropped.map((d) => d.id), ['follow_up'], ctx.now(), 'cancelled');
  await setStatus(tx, row.id, 'reopened', { closedAt: null, outcome: null });
  await startClock(tx, target, 'handling', row.track, ctx.now());
  await recordEvent(tx, ctx, target, { kind: 'case_reopened', payload: { reason } }, { applicants: true });
}

export async function reopenCase(ctx: ServiceContext, access: CaseAccess, input: { reason: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'reopen', input.expectedVersion);
    await reopenIn(tx, ctx, row, input.reason);
    return { status: 'reopened' as const };
  });
}

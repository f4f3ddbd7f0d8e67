import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { assignments, caseClosures, caseParties, cases, caseVisits, judicialConfirmations, payments } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { sumYuan, type ClosureOutcome, type ReplyDecision, type TerminationKind } from '../domain/agreements';
import { addDays, daysBetween, localDateOf } from '../domain/calendar';
import { petitionReplyContent, terminationNoticeContent } from '../domain/document-content';
import { reviewWindowDays } from '../domain/reviews';
import { caseClockKinds } from '../domain/tracks';
import { inviteRatings } from './ratings';
import { planClosureFollowUp } from './follow-ups';
import { recordEvent } from './case-events';
import { lockCase, setStatus } from './case-lock';
import { endClocks, startClock } from './clocks';
import { actingUser, type ServiceContext } from './context';
import { caseSnapshot, storeDocument } from './documents';
import { ServiceError } from './errors';

type Tx = Database;
type Locked = Awaited<ReturnType<typeof lockCase>>;

/** What the applicants asked for and what was paid to them, for the closing record. */
async function amounts(tx: Tx, caseId: string) {
  const [row] = await tx.select({ amount: cases.amountInDispute }).from(cases).where(eq(cases.id, caseId));
  const claims = await tx.select({ claim: caseParties.claimedAmount }).from(caseParties).where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'applicant')));
  const [{ paid }] = (await tx.select({ paid: sql<string>`coalesce(sum(${payments.amount}), 0)` }).from(payments).where(eq(payments.caseId, caseId))) as [{ paid: string }];
  const claimed = row?.amount ?? (claims.some((c) => c.claim) ? sumYuan(claims.map((c) => c.claim)) : null);
  return { claimed, recovered: Number(paid).toFixed(2) };
}

/** Closes the case: the closing record, the case's outcome and time, every clock stopped. */
async function closeIn(tx: Tx, ctx: ServiceContext, row: Locked, closure: { outcome: ClosureOutcome; terminationKind?: TerminationKind; replyDecision?: ReplyDecision; reason?: string }) {
  const now = ctx.now();
  const money = await amounts(tx, row.id);
  await tx.insert(caseClosures).values({
    centerId: row.centerId,
    caseId: row.id,
    outcome: closure.outcome,
    terminationKind: closure.terminationKind ?? null,
    replyDecision: closure.replyDecision ?? null,
    reason: closure.reason ?? null,
    amountClaimed: money.claimed,
    amountRecovered: money.recovered,
    closedAt: now,
    closedBy: actingUser(ctx).id,
  });
  await endClocks(tx, row.id, [...caseClockKinds], now);
  await setStatus(tx, row.id, 'closed', { closedAt: now, outcome: closure.outcome });
  await inviteRatings(tx, { centerId: row.centerId, caseId: row.id, caseNumber: row.caseNumber }, now);
  await planClosureFollowUp(tx, ctx, { centerId: row.centerId, caseId: row.id }, row.track);
  return money;
}

/**
 * Mediation ended without agreement: refused before it began (人民调解法 art. 17), ended by a
 * party (art. 23), or failed. The case closes as terminated and the parties get a written notice
 * of the routes still open to them (art. 26).
 */
export async function terminateMediation(ctx: ServiceContext, access: CaseAccess, input: { kind: TerminationKind; reason: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'terminate', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const content = terminationNoticeContent(await caseSnapshot(tx, target), { kind: input.kind, reason: input.reason, issuedOn: localDateOf(ctx.now()) });
    await closeIn(tx, ctx, row, { outcome: 'terminated', terminationKind: input.kind, reason: input.reason });
    const document = await storeDocument(tx, ctx, target, { kind: 'termination_notice', content });
    await recordEvent(tx, ctx, target, { kind: 'mediation_terminated', payload: { kind: input.kind, reason: input.reason } }, { applicants: true });
    return { documentId: document.id };
  });
}

/** Closes a case with its outcome and the money claimed and recovered; the parties see the closing summary. */
export async function closeCase(ctx: ServiceContext, access: CaseAccess, input: { outcome: Exclude<ClosureOutcome, 'terminated'>; reason?: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'close', input.expectedVersion);
    // Closed, the case could no longer take the judge's decision on a pending application.
    const [pending] = await tx
      .select({ id: judicialConfirmations.id })
      .from(judicialConfirmations)
      .where(and(eq(judicialConfirmations.caseId, row.id), inArray(judicialConfirmations.state, ['applied', 'accepted'])))
      .limit(1);
    if (pending) throw new ServiceError('conflict', 'closure.confirmationPending');
    const money = await closeIn(tx, ctx, row, { outcome: input.outcome, reason: input.reason });
    await recordEvent(
      tx,
      ctx,
      { centerId: row.centerId, caseId: row.id },
      { kind: 'case_closed', payload: { outcome: input.outcome, amountClaimed: money.claimed, amountRecovered: money.recovered } },
      { applicants: true },
    );
    return { closed: true };
  });
}

const replyOutcome: Record<ReplyDecision, ClosureOutcome> = { supported: 'resolved', explained: 'not_supported', not_supported: 'not_supported' };

/**
 * A petition closes with its written reply (处理意见书): supported, explained or not supported,
 * stating the right to ask the next-higher body for review within 30 days.
 */
export async function replyToPetition(ctx: ServiceContext, access: CaseAccess, input: { decision: ReplyDecision; text: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'reply', input.expectedVersion);
    if (row.track !== 'petition') throw new ServiceError('invalid', 'closure.replyPetitionsOnly');
    const target = { centerId: row.centerId, caseId: row.id };
    const issuedOn = localDateOf(ctx.now());
    const content = petitionReplyContent(await caseSnapshot(tx, target), { decision: input.decision, text: input.text, issuedOn });
    await closeIn(tx, ctx, row, { outcome: replyOutcome[input.decision], replyDecision: input.decision, reason: input.text });
    const document = await storeDocument(tx, ctx, target, { kind: 'petition_reply', content });
    await recordEvent(tx, ctx, target, { kind: 'petition_replied', payload: { decision: input.decision, reviewBy: addDays(issuedOn, reviewWindowDays) } }, { applicants: true });
    return { documentId: document.id };
  });
}

/**
 * 交办: the center assigns the matter to another body, which reports back by a date (tracked by
 * a clock) — unlike 转送, where the matter is simply passed on.
 */
export async function assignOut(ctx: ServiceContext, access: CaseAccess, input: { destination: string; reportDueOn: string; expectedVersion: number }) {
  const today = localDateOf(ctx.now());
  const days = daysBetween(today, input.reportDueOn);
  if (days < 1 || days > 180) throw new ServiceError('invalid', 'closure.reportDueRange', { field: 'reportDueOn' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'assign_out', input.expectedVersion);
    const target = { centerId: row.centerId, caseId: row.id };
    const now = ctx.now();
    await tx.insert(assignments).values({ ...target, destination: input.destination, reportDueOn: input.reportDueOn });
    await endClocks(tx, row.id, ['acceptance'], now);
    // The assigning body's date, not a statutory length.
    await startClock(tx, target, 'report', null, now, { days });
    await setStatus(tx, row.id, 'referred', { decidedAt: now });
    await recordEvent(tx, ctx, target, { kind: 'assigned_out', payload: { destination: input.destination, reportDueOn: input.reportDueOn } }, { applicants: true });
    return { referred: true };
  });
}

/** The assigned body's report closes the case with the outcome it reports. */
export async function receiveReport(ctx: ServiceContext, access: CaseAccess, input: { report: string; outcome: Exclude<ClosureOutcome, 'terminated'>; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'receive_report', input.expectedVersion);
    const [assignment] = await tx.select().from(assignments).where(and(eq(assignments.caseId, row.id), sql`${assignments.reportedAt} is null`)).for('update');
    if (!assignment) throw new ServiceError('conflict', 'intake.notInThisState');
    await tx.update(assignments).set({ reportedAt: ctx.now(), report: input.report }).where(eq(assignments.id, assignment.id));
    await closeIn(tx, ctx, row, { outcome: input.outcome, reason: input.report });
    await recordEvent(tx, ctx, { centerId: row.centerId, caseId: row.id }, { kind: 'report_received', payload: { destination: assignment.destination } }, { applicants: true });
    return { closed: true };
  });
}

/** The closing summary the parties see: outcome, money, and in-person visits by reason. */
export async function closureOf(db: Database, access: CaseAccess) {
  const [closure] = await db
    .select()
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, access.caseId), eq(caseClosures.centerId, access.centerId)))
    .orderBy(sql`${caseClosures.closedAt} desc`)
    .limit(1);
  if (!closure) return null;
  const visits = await db
    .select({ reason: caseVisits.reason, n: sql<number>`count(*)::int` })
    .from(caseVisits)
    .where(eq(caseVisits.caseId, access.caseId))
    .groupBy(caseVisits.reason);
  return {
    outcome: closure.outcome,
    terminationKind: closure.terminationKind,
    replyDecision: closure.replyDecision,
    reason: closure.reason,
    amountClaimed: closure.amountClaimed,
    amountRecovered: closure.amountRecovered,
    closedAt: closure.closedAt,
    visits: Object.fromEntries(visits.map((v) => [v.reason, Number(v.n)])) as Partial<Record<'required' | 'voluntary' | 'session', number>>,
  };
}

import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseClosures, cases, reviewRequests } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { localDateOf, type LocalDate } from '../domain/calendar';
import { noFurtherAcceptanceContent } from '../domain/document-content';
import { decideReviewRequest, type ReviewDecision, type ReviewLevel } from '../domain/reviews';
import { recordEvent } from './case-events';
import { lockCase, setStatus } from './case-lock';
import { endClocks, endSubjectClocks, startClock } from './clocks';
import { caseSnapshot, storeDocument } from './documents';
import type { ServiceContext } from './context';
import { notFound, ServiceError } from './errors';
import { reopenIn } from './follow-ups';

type Tx = Database;

async function repliedOn(tx: Tx, caseId: string): Promise<LocalDate | null> {
  const [reply] = await tx
    .select({ closedAt: caseClosures.closedAt })
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, caseId), isNotNull(caseClosures.replyDecision)))
    .orderBy(desc(caseClosures.closedAt))
    .limit(1);
  return reply ? localDateOf(reply.closedAt) : null;
}

/**
 * The petitioner asks the next-higher body to review the reply (复查), or the one above it to
 * re-review the review (复核). The center records the request and sends the file up; the
 * higher body's 30 days to answer run as a clock.
 */
export async function recordReviewRequest(ctx: ServiceContext, access: CaseAccess, input: { level: ReviewLevel; body: string; requestedOn: LocalDate }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_review');
    // A review is of the reply a closed petition ended with; a case taken up again has none yet.
    if (row.status !== 'closed') throw new ServiceError('conflict', 'review.caseOpen');
    const earlier = await tx.select({ level: reviewRequests.level, decidedOn: reviewRequests.decidedOn }).from(reviewRequests).where(eq(reviewRequests.caseId, row.id));
    const allowed = decideReviewRequest({ level: input.level, track: row.track, repliedOn: await repliedOn(tx, row.id), requestedOn: input.requestedOn, earlier });
    if (!allowed.ok) throw new ServiceError('conflict', allowed.refusal);
    if (input.requestedOn > localDateOf(ctx.now())) throw new ServiceError('invalid', 'review.future', { field: 'requestedOn' });
    const target = { centerId: row.centerId, caseId: row.id };
    const [created] = await tx
      .insert(reviewRequests)
      .values({ ...target, level: input.level, body: input.body, requestedOn: input.requestedOn, recordedBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null })
      .returning({ id: reviewRequests.id });
    // The higher body's 30 days run from the request (信访工作条例 art. 35).
    const clock = await startClock(tx, target, 'review_answer', row.track, new Date(`${input.requestedOn}T12:00:00+08:00`), { subjectId: created!.id });
    await recordEvent(tx, ctx, target, { kind: 'review_requested', payload: { level: input.level, body: input.body, answerDueOn: localDateOf(clock!.dueAt!) } }, { applicants: true });
    return { id: created!.id };
  });
}

/** The higher body's answer: upheld, revoked, changed, or ordered to redo — which alone reopens the case. */
export async function recordReviewDecision(ctx: ServiceContext, access: CaseAccess, input: { level: ReviewLevel; decision: ReviewDecision; decidedOn: LocalDate; note?: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'record_review');
    const [request] = await tx.select().from(reviewRequests).where(and(eq(reviewRequests.caseId, row.id), eq(reviewRequests.level, input.level))).for('update');
    if (!request) throw notFound();
    if (request.decision) throw new ServiceError('conflict', 'review.alreadyDecided');
    if (input.decidedOn < request.requestedOn || input.decidedOn > localDateOf(ctx.now())) throw new ServiceError('invalid', 'review.decidedOnRange', { field: 'decidedOn' });
    await tx.update(reviewRequests).set({ decision: input.decision, decidedOn: input.decidedOn, decisionNote: input.note ?? null }).where(eq(reviewRequests.id, request.id));
    await endSubjectClocks(tx, row.id, request.id, ['review_answer'], ctx.now());
    const target = { centerId: row.centerId, caseId: row.id };
    await recordEvent(tx, ctx, target, { kind: 'review_decided', payload: { level: input.level, decision: input.decision, note: input.note ?? null } }, { applicants: true });
    // Ordered redone: a closed case is reopened; one already taken up again (a dispute that
    // came back meanwhile) simply goes on.
    if (input.decision === 'redo' && row.status === 'closed') await reopenIn(tx, ctx, row, input.note ?? input.decision);
    return { decision: input.decision };
  });
}

/** The case's review requests, oldest first, for everyone who may read the case. */
export function listReviews(db: Database, access: CaseAccess) {
  return db
    .select({ id: reviewRequests.id, level: reviewRequests.level, body: reviewRequests.body, requestedOn: reviewRequests.requestedOn, decision: reviewRequests.decision, decidedOn: reviewRequests.decidedOn, decisionNote: reviewRequests.decisionNote })
    .from(reviewRequests)
    .where(and(eq(reviewRequests.caseId, access.caseId), eq(reviewRequests.centerId, access.centerId)))
    .orderBy(asc(reviewRequests.createdAt));
}

/**
 * A new petition on a matter already re-reviewed (复核) is not accepted again (信访工作条例
 * art. 35): the clerk, having confirmed it is the same person with the same facts and reasons,
 * declines it with a printable 不再受理告知书 naming the earlier case, instead of a new case.
 */
export async function refuseAfterReReview(ctx: ServiceContext, access: CaseAccess, input: { earlierCaseId: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'decline', input.expectedVersion);
    const [finished] = await tx
      .select({ caseNumber: cases.caseNumber, body: reviewRequests.body, decidedOn: reviewRequests.decidedOn })
      .from(reviewRequests)
      .innerJoin(cases, eq(cases.id, reviewRequests.caseId))
      .where(and(eq(reviewRequests.caseId, input.earlierCaseId), eq(reviewRequests.centerId, row.centerId), eq(reviewRequests.level, 're_review'), isNotNull(reviewRequests.decidedOn)));
    if (!finished) throw new ServiceError('conflict', 'review.notReReviewed');
    const now = ctx.now();
    const target = { centerId: row.centerId, caseId: row.id };
    await setStatus(tx, row.id, row.next, { decidedAt: now });
    await endClocks(tx, row.id, ['acceptance'], now);
    const content = noFurtherAcceptanceContent(await caseSnapshot(tx, target), { earlierCaseNumber: finished.caseNumber, reReviewBody: finished.body, reReviewedOn: finished.decidedOn!, issuedOn: localDateOf(now) });
    await storeDocument(tx, ctx, target, { kind: 'no_further_acceptance', content });
    await recordEvent(tx, ctx, target, { kind: 'not_accepted_again', payload: { earlierCaseNumber: finished.caseNumber } }, { applicants: true });
    return { id: row.id, status: row.next };
  });
}

/** Which of these cases were re-reviewed (复核 answered): a new petition on one of them is not accepted again. */
export async function reReviewedCaseIds(db: Database, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ caseId: reviewRequests.caseId })
    .from(reviewRequests)
    .where(and(inArray(reviewRequests.caseId, caseIds), eq(reviewRequests.level, 're_review'), isNotNull(reviewRequests.decidedOn)));
  return new Set(rows.map((r) => r.caseId));
}

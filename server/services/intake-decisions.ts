import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseLinks, caseParties, caseVisits, evidenceFiles, referralDestinations } from '../../db/schema';
import { resolveCaseAccess, type CaseAccess } from '../auth/policy';
import { suggestTrack, type Track } from '../domain/tracks';
import type { VisitReason } from '../domain/agreements';
import { recordEvent } from './case-events';
import { lockCase, setStatus, ensureCan } from './case-lock';
import { endClocks, startClock } from './clocks';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

async function destinationName(tx: Database, centerId: string, destinationId: string | undefined): Promise<string | null> {
  if (!destinationId) return null;
  const [row] = await tx
    .select({ name: referralDestinations.name })
    .from(referralDestinations)
    .where(and(eq(referralDestinations.id, destinationId), eq(referralDestinations.centerId, centerId)));
  if (!row) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'destinationId' });
  return row.name;
}

export interface AcceptanceDecision {
  decision: 'accept' | 'decline' | 'transfer';
  /** Required when declining: why, in words the petitioner reads. */
  reason?: string;
  /** Required when declining (where to go instead) and transferring (the competent agency). */
  destinationId?: string;
  /** When accepting: the kind of case, which decides its clocks; suggested from the category. */
  track?: Track;
  expectedVersion: number;
}

/**
 * The acceptance decision: a status change the petitioner sees and is told about. It stops
 * the acceptance clock; accepting starts the handling clock of the chosen track.
 */
export async function decideAcceptance(ctx: ServiceContext, access: CaseAccess, input: AcceptanceDecision) {
  if (input.decision === 'decline' && !input.reason) throw new ServiceError('invalid', 'validation.required', { field: 'reason' });
  if (input.decision !== 'accept' && !input.destinationId) throw new ServiceError('invalid', 'validation.required', { field: 'destinationId' });
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, input.decision, input.expectedVersion);
    const destination = await destinationName(tx, row.centerId, input.destinationId);
    const now = ctx.now();
    const target = { centerId: row.centerId, caseId: row.id };
    const track = input.decision === 'accept' ? (input.track ?? suggestTrack(row.category)) : null;
    await setStatus(tx, row.id, row.next, { decidedAt: now, ...(track ? { track } : {}) });
    await endClocks(tx, row.id, ['acceptance'], now);
    const notice = { applicants: true };
    if (track) {
      await startClock(tx, target, 'handling', track, now);
      await recordEvent(tx, ctx, target, { kind: 'accepted', payload: { track } }, notice);
    } else if (input.decision === 'decline') {
      await recordEvent(tx, ctx, target, { kind: 'declined', payload: { reason: input.reason!, destination } }, notice);
    } else {
      await recordEvent(tx, ctx, target, { kind: 'transferred', payload: { destination: destination! } }, notice);
    }
    return { id: row.id, status: row.next };
  });
}

/**
 * Merges a newly registered petition into an open case of the same center: its applicants
 * (those not already there), its evidence and its in-person visits join the case; a link
 * between the two becomes the merge; the petition is closed as merged, and both timelines say so.
 */
export async function mergeCase(ctx: ServiceContext, access: CaseAccess, input: { intoCaseId: string; expectedVersion: number }) {
  if (access.caseId === input.intoCaseId) throw new ServiceError('invalid', 'intake.mergeSelf');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const source = await lockCase(tx, access, 'merge_into', input.expectedVersion);
    const intoAccess = await resolveCaseAccess(tx, user, input.intoCaseId);
    if (!intoAccess || intoAccess.centerId !== source.centerId) throw notFound();
    const target = await lockCase(tx, intoAccess, 'link');

    const [sourceParties, targetParties] = await Promise.all([
      tx.select().from(caseParties).where(and(eq(caseParties.caseId, source.id), eq(caseParties.role, 'applicant'))),
      tx.select().from(caseParties).where(and(eq(caseParties.caseId, target.id), eq(caseParties.role, 'applicant'))),
    ]);
    const known = (p: (typeof sourceParties)[number]) =>
      targetParties.some(
        (t) => (p.idNumberHash && t.idNumberHash === p.idNumberHash) || (p.phone && t.phone === p.phone) || (p.userId && t.userId === p.userId),
      );
    const joining = sourceParties.filter((p) => !known(p));
    if (joining.length) {
      const [{ last }] = (await tx
        .select({ last: sql<number>`coalesce(max(${caseParties.position}), 0)` })
        .from(caseParties)
        .where(eq(caseParties.caseId, target.id))) as [{ last: number }];
      await tx
        .insert(caseParties)
        .values(joining.map(({ id: _id, createdAt: _created, ...p }, i) => ({ ...p, caseId: target.id, position: Number(last) + 1 + i })));
    }
    const moved = await tx.update(evidenceFiles).set({ caseId: target.id }).where(eq(evidenceFiles.caseId, source.id)).returning({ id: evidenceFiles.id });
    // The person came in once for this matter: that visit counts for the case it joins.
    await tx.update(caseVisits).set({ caseId: target.id }).where(eq(caseVisits.caseId, source.id));

    const now = ctx.now();
    await setStatus(tx, source.id, 'merged', { decidedAt: now });
    await setStatus(tx, target.id, target.status);
    await endClocks(tx, source.id, ['acceptance'], now);
    // A petition already linked to the case as related becomes merged into it.
    await tx
      .insert(caseLinks)
      .values({ centerId: source.centerId, caseId: source.id, otherCaseId: target.id, kind: 'merged_into', createdBy: user.id })
      .onConflictDoUpdate({ target: [caseLinks.caseId, caseLinks.otherCaseId], set: { kind: 'merged_into' } });
    await recordEvent(
      tx,
      ctx,
      { centerId: source.centerId, caseId: source.id },
      { kind: 'merged_into', payload: { caseNumber: target.caseNumber } },
      { applicants: true },
    );
    await recordEvent(
      tx,
      ctx,
      { centerId: target.centerId, caseId: target.id },
      { kind: 'merged_in', payload: { caseNumber: source.caseNumber, applicants: joining.length, evidence: moved.length } },
    );
    return { id: target.id, applicantsJoined: joining.length, evidenceMoved: moved.length };
  });
}

/** Marks two open cases of the center as related; each shows the other. */
export async function linkCases(ctx: ServiceContext, access: CaseAccess, input: { otherCaseId: string }) {
  if (access.caseId === input.otherCaseId) throw new ServiceError('invalid', 'intake.mergeSelf');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await lockCase(tx, access, 'link');
    const otherAccess = await resolveCaseAccess(tx, user, input.otherCaseId);
    if (!otherAccess || otherAccess.centerId !== a.centerId) throw notFound();
    const b = await lockCase(tx, otherAccess, 'link');
    const inserted = await tx
      .insert(caseLinks)
      .values([
        { centerId: a.centerId, caseId: a.id, otherCaseId: b.id, kind: 'related', createdBy: user.id },
        { centerId: a.centerId, caseId: b.id, otherCaseId: a.id, kind: 'related', createdBy: user.id },
      ])
      .onConflictDoNothing()
      .returning({ id: caseLinks.id });
    if (inserted.length === 0) return { linked: false };
    await setStatus(tx, a.id, a.status);
    await setStatus(tx, b.id, b.status);
    await recordEvent(tx, ctx, { centerId: a.centerId, caseId: a.id }, { kind: 'linked', payload: { caseNumber: b.caseNumber } });
    await recordEvent(tx, ctx, { centerId: b.centerId, caseId: b.id }, { kind: 'linked', payload: { caseNumber: a.caseNumber } });
    return { linked: true };
  });
}

/** One more in-person visit for the case (the 最多跑一次 count). */
export async function recordVisit(ctx: ServiceContext, access: CaseAccess, input: { note?: string; reason?: VisitReason }) {
  ensureCan(access, 'record_visit');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(caseVisits)
      .values({ centerId: access.centerId, caseId: access.caseId, recordedBy: user.id, note: input.note ?? null, reason: input.reason ?? 'required', visitedAt: ctx.now() })
      .returning({ id: caseVisits.id });
    await recordEvent(tx, ctx, access, { kind: 'visit', payload: { note: input.note ?? null } });
    return { id: visit!.id };
  });
}

import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseLinks, caseParties, caseVisits, evidenceFiles, referralDestinations, timelineEvents } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { notifyApplicants } from '../notify/parties';
import { announceTimeline } from '../live';
import { writeAudit } from './audit';
import { lockCase, setStatus } from './case-lock';
import { notFound, ServiceError } from './errors';

type Tx = Database;

async function destinationName(tx: Tx, centerId: string, destinationId: string | undefined): Promise<string | null> {
  if (!destinationId) return null;
  const [row] = await tx
    .select({ name: referralDestinations.name })
    .from(referralDestinations)
    .where(and(eq(referralDestinations.id, destinationId), eq(referralDestinations.centerId, centerId)));
  if (!row) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'destinationId' });
  return row.name;
}

export interface AcceptanceDecision {
  caseId: string;
  decision: 'accept' | 'decline' | 'transfer';
  /** Required when declining: why, in words the petitioner reads. */
  reason?: string;
  /** Required when declining (where to go instead) and transferring (the competent agency). */
  destinationId?: string;
  expectedVersion: number;
}

/** The clerk's acceptance decision: a status change the petitioner sees and is told about. */
export async function decideAcceptance(db: Database, actor: SessionUser, input: AcceptanceDecision) {
  if (input.decision === 'decline' && !input.reason) throw new ServiceError('invalid', 'validation.required', { field: 'reason' });
  if (input.decision !== 'accept' && !input.destinationId) throw new ServiceError('invalid', 'validation.required', { field: 'destinationId' });
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, input.caseId, input.decision, input.expectedVersion);
    const destination = await destinationName(tx, row.centerId, input.destinationId);
    const now = new Date();
    await setStatus(tx, row.id, row.next, { decidedAt: now });
    await tx.insert(timelineEvents).values({
      centerId: row.centerId,
      caseId: row.id,
      kind: row.next,
      visibility: 'parties',
      actorId: actor.id,
      body: { reason: input.reason ?? null, destination },
      createdAt: now,
    });
    await announceTimeline(tx, row.id);
    await notifyApplicants(tx, row.id, `case.${row.next}`, {
      key: `notify.${row.next}`,
      values: { caseNumber: row.caseNumber, destination: destination ?? '' },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      centerId: row.centerId,
      action: `case.${input.decision}`,
      entityType: 'case',
      entityId: row.id,
      data: { reason: input.reason ?? null, destination },
    });
    return { id: row.id, status: row.next };
  });
}

/**
 * Merges a newly registered petition into an open case of the same center: its applicants
 * (those not already there) and its evidence join the case; the petition is closed as merged,
 * and both timelines say so.
 */
export async function mergeCase(db: Database, actor: SessionUser, input: { caseId: string; intoCaseId: string; expectedVersion: number }) {
  if (input.caseId === input.intoCaseId) throw new ServiceError('invalid', 'intake.mergeSelf');
  return db.transaction(async (tx) => {
    const source = await lockCase(tx, actor, input.caseId, 'merge_into', input.expectedVersion);
    const target = await lockCase(tx, actor, input.intoCaseId, 'link');
    if (target.centerId !== source.centerId) throw notFound();

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
    const moved = await tx
      .update(evidenceFiles)
      .set({ caseId: target.id })
      .where(eq(evidenceFiles.caseId, source.id))
      .returning({ id: evidenceFiles.id });

    await setStatus(tx, source.id, 'merged', { decidedAt: new Date() });
    await setStatus(tx, target.id, target.status);
    await tx.insert(caseLinks).values([
      { centerId: source.centerId, caseId: source.id, otherCaseId: target.id, kind: 'merged_into', createdBy: actor.id },
    ]);
    await tx.insert(timelineEvents).values([
      {
        centerId: source.centerId,
        caseId: source.id,
        kind: 'merged_into',
        visibility: 'parties',
        actorId: actor.id,
        body: { caseNumber: target.caseNumber },
      },
      {
        centerId: target.centerId,
        caseId: target.id,
        kind: 'merged_in',
        visibility: 'parties',
        actorId: actor.id,
        body: { caseNumber: source.caseNumber, applicants: joining.length, evidence: moved.length },
      },
    ]);
    await notifyApplicants(tx, source.id, 'case.merged', { key: 'notify.merged', values: { caseNumber: source.caseNumber, target: target.caseNumber } });
    await writeAudit(tx, {
      actorId: actor.id,
      centerId: source.centerId,
      action: 'case.merge',
      entityType: 'case',
      entityId: source.id,
      data: { into: target.id, applicants: joining.length, evidence: moved.length },
    });
    return { id: target.id, applicantsJoined: joining.length, evidenceMoved: moved.length };
  });
}

/** Marks two open cases of the center as related; each shows the other. */
export async function linkCases(db: Database, actor: SessionUser, input: { caseId: string; otherCaseId: string }) {
  if (input.caseId === input.otherCaseId) throw new ServiceError('invalid', 'intake.mergeSelf');
  return db.transaction(async (tx) => {
    const a = await lockCase(tx, actor, input.caseId, 'link');
    const b = await lockCase(tx, actor, input.otherCaseId, 'link');
    if (a.centerId !== b.centerId) throw notFound();
    const inserted = await tx
      .insert(caseLinks)
      .values([
        { centerId: a.centerId, caseId: a.id, otherCaseId: b.id, kind: 'related', createdBy: actor.id },
        { centerId: a.centerId, caseId: b.id, otherCaseId: a.id, kind: 'related', createdBy: actor.id },
      ])
      .onConflictDoNothing()
      .returning({ id: caseLinks.id });
    if (inserted.length === 0) return { linked: false };
    await setStatus(tx, a.id, a.status);
    await setStatus(tx, b.id, b.status);
    await tx.insert(timelineEvents).values([
      { centerId: a.centerId, caseId: a.id, kind: 'linked', visibility: 'panel', actorId: actor.id, body: { caseNumber: b.caseNumber } },
      { centerId: a.centerId, caseId: b.id, kind: 'linked', visibility: 'panel', actorId: actor.id, body: { caseNumber: a.caseNumber } },
    ]);
    await writeAudit(tx, { actorId: actor.id, centerId: a.centerId, action: 'case.link', entityType: 'case', entityId: a.id, data: { other: b.id } });
    return { linked: true };
  });
}

/** One more in-person visit for the case (the 最多跑一次 count). */
export async function recordVisit(db: Database, actor: SessionUser, access: CaseAccess, input: { note?: string }) {
  if (access.relation.kind !== 'center_staff') throw new ServiceError('forbidden', 'errors.forbidden');
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .insert(caseVisits)
      .values({ centerId: access.centerId, caseId: access.caseId, recordedBy: actor.id, note: input.note ?? null })
      .returning({ id: caseVisits.id });
    await tx.insert(timelineEvents).values({
      centerId: access.centerId,
      caseId: access.caseId,
      kind: 'visit',
      visibility: 'panel',
      actorId: actor.id,
      body: { note: input.note ?? null },
    });
    await writeAudit(tx, { actorId: actor.id, centerId: access.centerId, action: 'case.visit', entityType: 'case', entityId: access.caseId });
    return { id: visit!.id };
  });
}

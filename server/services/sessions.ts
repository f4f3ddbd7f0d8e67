import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, mediationSessions, panelMembers, sessionAttendees, timelineEvents, users } from '../../db/schema';
import type { SessionOutcome } from '../domain/sessions';
import type { CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { announceTimeline } from '../live';
import { notifyApplicants } from '../notify/parties';
import { notifyUsers } from '../notify/users';
import { writeAudit } from './audit';
import { notFound, ServiceError } from './errors';

export interface SessionPlan {
  startsAt: Date;
  endsAt: Date;
  room?: string;
  onlineLink?: string;
  /** Panel members expected. */
  memberIds: string[];
  /** Parties expected. */
  partyIds: string[];
}

const canRun = (access: CaseAccess) => access.relation.kind === 'panel' || access.relation.kind === 'center_staff';

function when(d: Date) {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
}

/**
 * Schedules a mediation session. A room or a panel member already taken at that time (by any
 * case of the center) is refused, naming the clash. Scheduling is serialized per center, so
 * two clerks cannot book the same room at once.
 */
export async function scheduleSession(db: Database, actor: SessionUser, access: CaseAccess, plan: SessionPlan) {
  if (!canRun(access)) throw new ServiceError('forbidden', 'errors.forbidden');
  if (plan.endsAt <= plan.startsAt) throw new ServiceError('invalid', 'session.endBeforeStart', { field: 'endsAt' });
  if (!plan.room && !plan.onlineLink) throw new ServiceError('invalid', 'session.whereRequired', { field: 'room' });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sessions:${access.centerId}`}, 0))`);
    const members = plan.memberIds.length
      ? await tx
          .select({ userId: panelMembers.userId, name: users.displayName })
          .from(panelMembers)
          .innerJoin(users, eq(users.id, panelMembers.userId))
          .where(and(eq(panelMembers.caseId, access.caseId), inArray(panelMembers.userId, plan.memberIds), isNull(panelMembers.removedAt)))
      : [];
    if (members.length !== new Set(plan.memberIds).size) throw new ServiceError('invalid', 'timeline.mentionNotOnPanel', { field: 'memberIds' });
    const parties = plan.partyIds.length
      ? await tx
          .select({ id: caseParties.id })
          .from(caseParties)
          .where(and(eq(caseParties.caseId, access.caseId), inArray(caseParties.id, plan.partyIds)))
      : [];
    if (parties.length !== new Set(plan.partyIds).size) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'partyIds' });

    const overlapping = and(
      eq(mediationSessions.centerId, access.centerId),
      eq(mediationSessions.status, 'scheduled'),
      lt(mediationSessions.startsAt, plan.endsAt),
      gt(mediationSessions.endsAt, plan.startsAt),
    );
    if (plan.room) {
      const [clash] = await tx
        .select({ startsAt: mediationSessions.startsAt })
        .from(mediationSessions)
        .where(and(overlapping, eq(mediationSessions.room, plan.room)))
        .limit(1);
      if (clash) throw new ServiceError('conflict', 'session.roomTaken', { field: 'room', values: { room: plan.room, time: when(clash.startsAt) } });
    }
    if (plan.memberIds.length) {
      const [busy] = await tx
        .select({ name: users.displayName, startsAt: mediationSessions.startsAt })
        .from(sessionAttendees)
        .innerJoin(mediationSessions, eq(mediationSessions.id, sessionAttendees.sessionId))
        .innerJoin(users, eq(users.id, sessionAttendees.userId))
        .where(and(overlapping, inArray(sessionAttendees.userId, plan.memberIds)))
        .limit(1);
      if (busy) throw new ServiceError('conflict', 'session.memberBusy', { field: 'memberIds', values: { name: busy.name, time: when(busy.startsAt) } });
    }

    const [session] = await tx
      .insert(mediationSessions)
      .values({
        centerId: access.centerId,
        caseId: access.caseId,
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
        room: plan.room ?? null,
        onlineLink: plan.onlineLink ?? null,
        createdBy: actor.id,
      })
      .returning({ id: mediationSessions.id });
    const attendees = [
      ...plan.memberIds.map((userId) => ({ centerId: access.centerId, sessionId: session!.id, userId })),
      ...plan.partyIds.map((partyId) => ({ centerId: access.centerId, sessionId: session!.id, partyId })),
    ];
    if (attendees.length) await tx.insert(sessionAttendees).values(attendees);
    const [row] = await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, access.caseId));
    const body = { sessionId: session!.id, startsAt: plan.startsAt.toISOString(), room: plan.room ?? null, onlineLink: plan.onlineLink ?? null };
    await tx.insert(timelineEvents).values({ centerId: access.centerId, caseId: access.caseId, kind: 'session_scheduled', visibility: 'parties', actorId: actor.id, body });
    await notifyUsers(
      tx,
      plan.memberIds.filter((id) => id !== actor.id),
      { caseId: access.caseId, kind: 'session', body: { caseNumber: row!.caseNumber, time: when(plan.startsAt) } },
    );
    if (plan.partyIds.length) {
      await notifyApplicants(tx, access.caseId, 'session', { key: 'notify.session', values: { caseNumber: row!.caseNumber, time: when(plan.startsAt), place: plan.room ?? plan.onlineLink ?? '' } });
    }
    await announceTimeline(tx, access.caseId);
    await writeAudit(tx, { actorId: actor.id, centerId: access.centerId, action: 'session.schedule', entityType: 'session', entityId: session!.id });
    return { id: session!.id };
  });
}

/** Minutes and outcome of a session that took place; the outcome is told on the timeline. */
export async function recordSession(db: Database, actor: SessionUser, access: CaseAccess, input: { sessionId: string; minutes: string; outcome: SessionOutcome }) {
  if (!canRun(access)) throw new ServiceError('forbidden', 'errors.forbidden');
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(mediationSessions)
      .set({ status: 'held', minutes: input.minutes, outcome: input.outcome })
      .where(and(eq(mediationSessions.id, input.sessionId), eq(mediationSessions.caseId, access.caseId), ne(mediationSessions.status, 'cancelled')))
      .returning({ id: mediationSessions.id });
    if (!updated) throw notFound();
    await tx.insert(timelineEvents).values([
      { centerId: access.centerId, caseId: access.caseId, kind: 'session_held', visibility: 'parties', actorId: actor.id, body: { sessionId: input.sessionId, outcome: input.outcome } },
      { centerId: access.centerId, caseId: access.caseId, kind: 'note', visibility: 'panel', actorId: actor.id, body: { text: input.minutes, sessionId: input.sessionId } },
    ]);
    await announceTimeline(tx, access.caseId);
    await writeAudit(tx, { actorId: actor.id, centerId: access.centerId, action: 'session.record', entityType: 'session', entityId: input.sessionId, data: { outcome: input.outcome } });
    return { id: updated.id };
  });
}

/** The case's sessions; minutes only for the panel and the center's staff. */
export async function listSessions(db: Database, access: CaseAccess) {
  const rows = await db
    .select()
    .from(mediationSessions)
    .where(and(eq(mediationSessions.caseId, access.caseId), eq(mediationSessions.centerId, access.centerId)))
    .orderBy(asc(mediationSessions.startsAt));
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    room: r.room,
    onlineLink: r.onlineLink,
    status: r.status,
    outcome: r.outcome,
    minutes: canRun(access) ? r.minutes : null,
  }));
}


import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, mediationSessions, panelMembers, sessionAttendees, users } from '../../db/schema';
import { can, type CaseAccess } from '../auth/policy';
import type { SessionOutcome } from '../domain/sessions';
import { recordEvent } from './case-events';
import { ensureCan } from './case-lock';
import type { ServiceContext } from './context';
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

// A session is booked for the coming two years at most, lasts at most a working day, and is
// never booked in the past (an hour of slack for the clock of the person typing).
const maxAheadMs = 2 * 366 * 86_400_000;
const maxLengthMs = 12 * 3600_000;
const pastSlackMs = 3600_000;

function checkTimes(startsAt: Date, endsAt: Date, now: Date) {
  if (endsAt <= startsAt) throw new ServiceError('invalid', 'session.endBeforeStart', { field: 'endsAt' });
  if (endsAt.getTime() - startsAt.getTime() > maxLengthMs) throw new ServiceError('invalid', 'session.tooLong', { field: 'endsAt' });
  if (startsAt.getTime() < now.getTime() - pastSlackMs) throw new ServiceError('invalid', 'session.inPast', { field: 'startsAt' });
  if (startsAt.getTime() > now.getTime() + maxAheadMs) throw new ServiceError('invalid', 'session.tooFarAhead', { field: 'startsAt' });
}

function when(d: Date) {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
}

/**
 * A room or a panel member already taken at that time (by any case of the center) is refused,
 * naming the clash. Callers hold the center's scheduling lock.
 */
async function refuseClashes(tx: Database, centerId: string, slot: { startsAt: Date; endsAt: Date; room?: string | null; memberIds: string[]; exceptSessionId?: string }) {
  const overlapping = and(
    eq(mediationSessions.centerId, centerId),
    eq(mediationSessions.status, 'scheduled'),
    lt(mediationSessions.startsAt, slot.endsAt),
    gt(mediationSessions.endsAt, slot.startsAt),
    slot.exceptSessionId ? ne(mediationSessions.id, slot.exceptSessionId) : undefined,
  );
  if (slot.room) {
    const [clash] = await tx
      .select({ startsAt: mediationSessions.startsAt })
      .from(mediationSessions)
      .where(and(overlapping, eq(mediationSessions.room, slot.room)))
      .limit(1);
    if (clash) throw new ServiceError('conflict', 'session.roomTaken', { field: 'room', values: { room: slot.room, time: when(clash.startsAt) } });
  }
  if (slot.memberIds.length) {
    const [busy] = await tx
      .select({ name: users.displayName, startsAt: mediationSessions.startsAt })
      .from(sessionAttendees)
      .innerJoin(mediationSessions, eq(mediationSessions.id, sessionAttendees.sessionId))
      .innerJoin(users, eq(users.id, sessionAttendees.userId))
      .where(and(overlapping, inArray(sessionAttendees.userId, slot.memberIds)))
      .limit(1);
    if (busy) throw new ServiceError('conflict', 'session.memberBusy', { field: 'memberIds', values: { name: busy.name, time: when(busy.startsAt) } });
  }
}

/** Scheduling is serialized per center, so two clerks cannot book the same room at once. */
async function lockCenterCalendar(tx: Database, centerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sessions:${centerId}`}, 0))`);
}

/** Schedules a mediation session and tells the attendees. */
export async function scheduleSession(ctx: ServiceContext, access: CaseAccess, plan: SessionPlan) {
  ensureCan(access, 'schedule_session');
  checkTimes(plan.startsAt, plan.endsAt, ctx.now());
  if (!plan.room && !plan.onlineLink) throw new ServiceError('invalid', 'session.whereRequired', { field: 'room' });
  return ctx.db.transaction(async (tx) => {
    await lockCenterCalendar(tx, access.centerId);
    const members = plan.memberIds.length
      ? await tx
          .select({ userId: panelMembers.userId })
          .from(panelMembers)
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
    await refuseClashes(tx, access.centerId, plan);

    const target = { centerId: access.centerId, caseId: access.caseId };
    const [session] = await tx
      .insert(mediationSessions)
      .values({
        ...target,
        startsAt: plan.startsAt,
        endsAt: plan.endsAt,
        room: plan.room ?? null,
        onlineLink: plan.onlineLink ?? null,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.user.id : null,
      })
      .returning({ id: mediationSessions.id });
    const attendees = [
      ...plan.memberIds.map((userId) => ({ centerId: access.centerId, sessionId: session!.id, userId })),
      ...plan.partyIds.map((partyId) => ({ centerId: access.centerId, sessionId: session!.id, partyId })),
    ];
    if (attendees.length) await tx.insert(sessionAttendees).values(attendees);
    await recordEvent(
      tx,
      ctx,
      target,
      {
        kind: 'session_scheduled',
        payload: { sessionId: session!.id, startsAt: plan.startsAt.toISOString(), endsAt: plan.endsAt.toISOString(), room: plan.room ?? null, onlineLink: plan.onlineLink ?? null },
      },
      { users: plan.memberIds, applicants: plan.partyIds.length > 0 },
    );
    return { id: session!.id };
  });
}

/** A scheduled session of the case, locked, with who was expected. */
async function scheduledSession(tx: Database, access: CaseAccess, sessionId: string) {
  const [session] = await tx
    .select()
    .from(mediationSessions)
    .where(and(eq(mediationSessions.id, sessionId), eq(mediationSessions.caseId, access.caseId), eq(mediationSessions.centerId, access.centerId)))
    .for('update');
  if (!session) throw notFound();
  if (session.status !== 'scheduled') throw new ServiceError('conflict', 'session.notScheduled');
  const attendees = await tx.select({ userId: sessionAttendees.userId, partyId: sessionAttendees.partyId }).from(sessionAttendees).where(eq(sessionAttendees.sessionId, sessionId));
  const told = { users: attendees.flatMap((a) => (a.userId ? [a.userId] : [])), applicants: attendees.some((a) => a.partyId) };
  return { session, told };
}

/** Moves a scheduled session to another time or place, with the same clash checks; attendees are told. */
export async function rescheduleSession(
  ctx: ServiceContext,
  access: CaseAccess,
  input: { sessionId: string; startsAt: Date; endsAt: Date; room?: string; onlineLink?: string },
) {
  ensureCan(access, 'schedule_session');
  checkTimes(input.startsAt, input.endsAt, ctx.now());
  if (!input.room && !input.onlineLink) throw new ServiceError('invalid', 'session.whereRequired', { field: 'room' });
  return ctx.db.transaction(async (tx) => {
    await lockCenterCalendar(tx, access.centerId);
    const { session, told } = await scheduledSession(tx, access, input.sessionId);
    await refuseClashes(tx, access.centerId, { ...input, memberIds: told.users, exceptSessionId: session.id });
    await tx
      .update(mediationSessions)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, room: input.room ?? null, onlineLink: input.onlineLink ?? null })
      .where(eq(mediationSessions.id, session.id));
    await recordEvent(
      tx,
      ctx,
      access,
      {
        kind: 'session_rescheduled',
        payload: {
          sessionId: session.id,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
          room: input.room ?? null,
          onlineLink: input.onlineLink ?? null,
          previousStartsAt: session.startsAt.toISOString(),
        },
      },
      told,
    );
    return { id: session.id };
  });
}

/** Cancels a scheduled session (the room and the members are free again); attendees are told why. */
export async function cancelSession(ctx: ServiceContext, access: CaseAccess, input: { sessionId: string; reason: string }) {
  ensureCan(access, 'schedule_session');
  return ctx.db.transaction(async (tx) => {
    const { session, told } = await scheduledSession(tx, access, input.sessionId);
    await tx.update(mediationSessions).set({ status: 'cancelled' }).where(eq(mediationSessions.id, session.id));
    await recordEvent(
      tx,
      ctx,
      access,
      { kind: 'session_cancelled', payload: { sessionId: session.id, startsAt: session.startsAt.toISOString(), reason: input.reason } },
      told,
    );
    return { id: session.id };
  });
}

/**
 * Minutes and outcome of a session that has begun. The outcome is on the timeline for
 * everyone; the minutes for the panel alone.
 */
export async function recordSession(ctx: ServiceContext, access: CaseAccess, input: { sessionId: string; minutes: string; outcome: SessionOutcome }) {
  ensureCan(access, 'record_session');
  return ctx.db.transaction(async (tx) => {
    const { session } = await scheduledSession(tx, access, input.sessionId);
    if (session.startsAt.getTime() > ctx.now().getTime()) throw new ServiceError('conflict', 'session.notStarted');
    await tx.update(mediationSessions).set({ status: 'held', minutes: input.minutes, outcome: input.outcome }).where(eq(mediationSessions.id, session.id));
    await recordEvent(tx, ctx, access, { kind: 'session_held', payload: { sessionId: session.id, outcome: input.outcome } }, { applicants: true });
    await recordEvent(tx, ctx, access, { kind: 'session_minutes', payload: { sessionId: session.id, text: input.minutes } });
    return { id: session.id };
  });
}

/** The case's sessions; minutes only for the panel. */
export async function listSessions(db: Database, access: CaseAccess) {
  const rows = await db
    .select()
    .from(mediationSessions)
    .where(and(eq(mediationSessions.caseId, access.caseId), eq(mediationSessions.centerId, access.centerId)))
    .orderBy(asc(mediationSessions.startsAt));
  const minutes = can(access, 'read_minutes');
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    room: r.room,
    onlineLink: r.onlineLink,
    status: r.status,
    outcome: r.outcome,
    minutes: minutes ? r.minutes : null,
  }));
}

import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, centers, supervisionOrders, users } from '../../db/schema';
import { centerInScope, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { daysBetween, localDateOf, type LocalDate } from '../domain/calendar';
import { regionPrefix } from '../domain/region';
import { notifyAccount } from '../notify/account';
import { writeAudit } from './audit';
import { recordEvent } from './case-events';
import { ensureCan } from './case-lock';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

/** An answer is asked for within this many days at most; a date in the past is not an order. */
const longestDays = 60;

/**
 * 督办: the region's supervisor orders the center on a case — what to do, by when. The center's
 * directors are told at once; the order is at the top of their dashboard until answered.
 */
export async function issueSupervision(ctx: ServiceContext, access: CaseAccess, input: { instruction: string; dueOn: LocalDate }) {
  ensureCan(access, 'issue_supervision');
  const user = actingUser(ctx);
  checkDue(ctx, input.dueOn);
  return ctx.db.transaction(async (tx) => {
    const target = { centerId: access.centerId, caseId: access.caseId };
    const [order] = await tx
      .insert(supervisionOrders)
      .values({ ...target, instruction: input.instruction, dueOn: input.dueOn, issuedBy: user.id, issuedAt: ctx.now() })
      .returning({ id: supervisionOrders.id });
    const directors = await directorsOf(tx, access.centerId);
    await recordEvent(tx, ctx, target, { kind: 'supervision_ordered', payload: { orderId: order!.id, instruction: input.instruction, dueOn: input.dueOn } }, { users: directors.map((d) => d.id) });
    return { id: order!.id };
  });
}

function checkDue(ctx: ServiceContext, dueOn: LocalDate) {
  const days = daysBetween(localDateOf(ctx.now()), dueOn);
  if (days < 1 || days > longestDays) throw new ServiceError('invalid', 'supervision.dueRange', { field: 'dueOn', values: { days: longestDays } });
}

function directorsOf(tx: Database, centerId: string) {
  return tx.select({ id: users.id }).from(users).where(and(eq(users.centerId, centerId), eq(users.role, 'director'), eq(users.status, 'active')));
}

/**
 * 督办 on a center as a whole (its backlog, a pattern across cases): the supervisor of the
 * center's region orders, the center's directors are told (inbox and SMS) and see it at the
 * top of their dashboard until one answers. No case, so no timeline: the audit log keeps it.
 */
export async function issueCenterSupervision(ctx: ServiceContext, input: { centerId: string; instruction: string; dueOn: LocalDate }) {
  const user = actingUser(ctx);
  checkDue(ctx, input.dueOn);
  return ctx.db.transaction(async (tx) => {
    const [center] = await tx.select({ id: centers.id, name: centers.name, regionCode: centers.regionCode }).from(centers).where(eq(centers.id, input.centerId));
    if (!center || user.role !== 'supervisor' || !centerInScope(user, center)) throw notFound();
    const [order] = await tx
      .insert(supervisionOrders)
      .values({ centerId: center.id, caseId: null, instruction: input.instruction, dueOn: input.dueOn, issuedBy: user.id, issuedAt: ctx.now() })
      .returning({ id: supervisionOrders.id });
    await writeAudit(tx, { actor: ctx.actor, centerId: center.id, action: 'supervision.center_ordered', entityType: 'supervision_order', entityId: order!.id, data: { dueOn: input.dueOn } });
    for (const director of await directorsOf(tx, center.id)) {
      await notifyAccount(tx, director.id, { key: 'supervision.centerOrderedNotice', values: { due: input.dueOn } });
    }
    return { id: order!.id };
  });
}

/** A director answers their center's order once; the supervisor who gave it is told. */
export async function answerCenterSupervision(ctx: ServiceContext, input: { orderId: string; response: string }) {
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(supervisionOrders)
      .where(and(eq(supervisionOrders.id, input.orderId), isNull(supervisionOrders.caseId), eq(supervisionOrders.centerId, user.centerId ?? noCenter)))
      .for('update');
    if (!order || user.role !== 'director') throw notFound();
    if (order.respondedAt) throw new ServiceError('conflict', 'supervision.answered');
    await tx.update(supervisionOrders).set({ response: input.response, respondedBy: user.id, respondedAt: ctx.now() }).where(eq(supervisionOrders.id, order.id));
    await writeAudit(tx, { actor: ctx.actor, centerId: order.centerId, action: 'supervision.center_answered', entityType: 'supervision_order', entityId: order.id });
    if (order.issuedBy) await notifyAccount(tx, order.issuedBy, { key: 'supervision.centerAnsweredNotice', values: { due: order.dueOn } });
    return { answered: true };
  });
}

const noCenter = '00000000-0000-0000-0000-000000000000';

/** The director answers an order once; the supervisor who gave it is told. */
export async function answerSupervision(ctx: ServiceContext, access: CaseAccess, input: { orderId: string; response: string }) {
  ensureCan(access, 'answer_supervision');
  const user = actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(supervisionOrders)
      .where(and(eq(supervisionOrders.id, input.orderId), eq(supervisionOrders.caseId, access.caseId), eq(supervisionOrders.centerId, access.centerId)))
      .for('update');
    if (!order) throw notFound();
    if (order.respondedAt) throw new ServiceError('conflict', 'supervision.answered');
    await tx.update(supervisionOrders).set({ response: input.response, respondedBy: user.id, respondedAt: ctx.now() }).where(eq(supervisionOrders.id, order.id));
    const target = { centerId: access.centerId, caseId: access.caseId };
    await recordEvent(tx, ctx, target, { kind: 'supervision_answered', payload: { orderId: order.id, response: input.response } }, order.issuedBy ? { users: [order.issuedBy] } : undefined);
    return { answered: true };
  });
}

/** A case's orders, oldest first, for those who may read them (the center's staff, the panel, the supervisor). */
export async function caseSupervision(db: Database, access: CaseAccess, now = new Date()) {
  if (access.relation.kind === 'party') return [];
  const rows = await db
    .select({ order: supervisionOrders, issuedByName: users.displayName })
    .from(supervisionOrders)
    .leftJoin(users, eq(users.id, supervisionOrders.issuedBy))
    .where(and(eq(supervisionOrders.caseId, access.caseId), eq(supervisionOrders.centerId, access.centerId)))
    .orderBy(asc(supervisionOrders.issuedAt));
  return rows.map(({ order, issuedByName }) => present(order, issuedByName, now));
}

function present(order: typeof supervisionOrders.$inferSelect, issuedByName: string | null, now: Date) {
  return {
    id: order.id,
    centerId: order.centerId,
    caseId: order.caseId,
    instruction: order.instruction,
    dueOn: order.dueOn,
    issuedAt: order.issuedAt,
    issuedByName,
    response: order.response,
    respondedAt: order.respondedAt,
    overdue: order.respondedAt === null && order.dueOn < localDateOf(now),
  };
}

/**
 * Open orders: a director's center's, or every center's of a supervisor's region; overdue ones
 * first, then by due date.
 */
export async function openSupervision(db: Database, user: SessionUser, now = new Date()) {
  const scope =
    user.role === 'director'
      ? eq(supervisionOrders.centerId, user.centerId ?? noCenter)
      : sql`${centers.regionCode} like ${regionPrefix(user.regionCode ?? '--') + '%'}`;
  const rows = await db
    .select({ order: supervisionOrders, issuedByName: users.displayName, caseNumber: cases.caseNumber, title: cases.title, centerName: centers.name })
    .from(supervisionOrders)
    .leftJoin(cases, eq(cases.id, supervisionOrders.caseId))
    .innerJoin(centers, eq(centers.id, supervisionOrders.centerId))
    .leftJoin(users, eq(users.id, supervisionOrders.issuedBy))
    .where(and(scope, isNull(supervisionOrders.respondedAt)))
    .orderBy(asc(supervisionOrders.dueOn), desc(supervisionOrders.issuedAt))
    .limit(200);
  return rows.map((r) => ({ ...present(r.order, r.issuedByName, now), caseNumber: r.caseNumber, title: r.title, centerName: r.centerName }));
}

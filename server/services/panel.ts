import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, centers, organizations, panelMembers, routingRules, users } from '../../db/schema';
import { can, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { openStatuses } from '../domain/case-status';
import { panelRoles, type PanelRole, type Role } from '../domain/roles';
import { checkPanel, rulesFor, suggestPanel, type PanelCandidate } from '../domain/routing';
import { recordEvent } from './case-events';
import { lockCase, setStatus } from './case-lock';
import { createChecklist } from './checklist';
import { currentClockJoin, withClockBadge } from './clocks';
import { actingUser, type ServiceContext } from './context';
import { ServiceError } from './errors';
import { offsetOf, pageOf, totalRows, type PageRequest } from './paging';

/** Active panel-role staff of a center with how many open cases each is on now. */
async function candidatesOf(db: Database, centerId: string): Promise<PanelCandidate[]> {
  const load = db
    .select({ userId: panelMembers.userId, n: count().as('n') })
    .from(panelMembers)
    .innerJoin(cases, eq(cases.id, panelMembers.caseId))
    .where(and(isNull(panelMembers.removedAt), inArray(cases.status, [...openStatuses])))
    .groupBy(panelMembers.userId)
    .as('load');
  const rows = await db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      load: sql<number>`coalesce(${load.n}, 0)`,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(load, eq(load.userId, users.id))
    .where(and(eq(users.centerId, centerId), eq(users.status, 'active'), inArray(users.role, [...panelRoles])));
  return rows.map((r) => ({ ...r, load: Number(r.load) }));
}

/**
 * Suggested members for each role the case's category calls for, lightest load first; only
 * for the center's staff who assign panels (others get none: staffing is not theirs to see).
 */
export async function panelSuggestions(db: Database, access: CaseAccess) {
  if (!can(access, 'see_panel_suggestions')) return [];
  const [row] = await db.select({ category: cases.category }).from(cases).where(eq(cases.id, access.caseId));
  const centerRules = await db
    .select({ role: routingRules.role, isLead: routingRules.isLead, organizationKind: routingRules.organizationKind, condition: routingRules.condition })
    .from(routingRules)
    .where(and(eq(routingRules.centerId, access.centerId), eq(routingRules.category, row!.category)))
    .orderBy(asc(routingRules.sortOrder));
  return suggestPanel(rulesFor(row!.category, centerRules), await candidatesOf(db, access.centerId));
}

/** The current panel of a case, lead first. */
export async function currentPanel(db: Database, caseId: string) {
  return db
    .select({ userId: users.id, name: users.displayName, role: users.role, isLead: panelMembers.isLead, organizationName: organizations.name })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(panelMembers.caseId, caseId), isNull(panelMembers.removedAt)))
    .orderBy(desc(panelMembers.isLead), asc(panelMembers.addedAt));
}

export interface PanelAssignment {
  members: { userId: string; isLead: boolean }[];
  expectedVersion: number;
}

/**
 * Forms or changes a case's joint panel. Forming it starts mediation; each member added,
 * removed or made lead is an event the parties see, and each new member is told.
 */
export async function assignPanel(ctx: ServiceContext, access: CaseAccess, input: PanelAssignment) {
  const shape = checkPanel(input.members);
  if (shape !== 'ok') throw new ServiceError('invalid', `panel.${shape}`, { field: 'members' });
  actingUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, (status) => (status === 'accepted' || status === 'reopened' ? 'assign_panel' : 'change_panel'), input.expectedVersion);
    const forming = row.action === 'assign_panel';
    const target = { centerId: row.centerId, caseId: row.id };

    const people = await tx
      .select({ id: users.id, role: users.role, name: users.displayName })
      .from(users)
      .where(and(inArray(users.id, input.members.map((m) => m.userId)), eq(users.centerId, row.centerId), eq(users.status, 'active')));
    const eligible = new Map(
      people.flatMap((p) => ((panelRoles as readonly Role[]).includes(p.role) ? [[p.id, { ...p, role: p.role as PanelRole }] as const] : [])),
    );
    if (eligible.size !== input.members.length) throw new ServiceError('invalid', 'panel.notEligible', { field: 'members' });

    const current = await tx
      .select({ id: panelMembers.id, userId: panelMembers.userId, isLead: panelMembers.isLead, name: users.displayName, role: users.role })
      .from(panelMembers)
      .innerJoin(users, eq(users.id, panelMembers.userId))
      .where(and(eq(panelMembers.caseId, row.id), isNull(panelMembers.removedAt)));
    const wanted = new Map(input.members.map((m) => [m.userId, m.isLead]));
    const now = ctx.now();
    const removed = current.filter((c) => !wanted.has(c.userId));
    const added = input.members.filter((m) => !current.some((c) => c.userId === m.userId));
    const leadChanged = current.filter((c) => wanted.has(c.userId) && wanted.get(c.userId) !== c.isLead);

    if (removed.length) {
      await tx.update(panelMembers).set({ removedAt: now }).where(inArray(panelMembers.id, removed.map((r) => r.id)));
    }
    for (const c of leadChanged) await tx.update(panelMembers).set({ isLead: wanted.get(c.userId)! }).where(eq(panelMembers.id, c.id));
    if (added.length) {
      await tx
        .insert(panelMembers)
        .values(added.map((m) => ({ ...target, userId: m.userId, isLead: m.isLead, addedBy: actingUser(ctx).id, addedAt: now })));
    }
    for (const m of added) {
      const person = eligible.get(m.userId)!;
      await recordEvent(
        tx,
        ctx,
        target,
        { kind: 'panel_member_added', payload: { memberId: m.userId, memberName: person.name, memberRole: person.role, isLead: m.isLead } },
        { users: [m.userId], purpose: 'assignment' },
      );
    }
    for (const r of removed) {
      await recordEvent(tx, ctx, target, { kind: 'panel_member_removed', payload: { memberId: r.userId, memberName: r.name, memberRole: r.role as PanelRole } });
    }
    for (const c of leadChanged.filter((c) => wanted.get(c.userId))) {
      await recordEvent(tx, ctx, target, { kind: 'panel_lead_changed', payload: { memberId: c.userId, memberName: c.name, memberRole: c.role as PanelRole } });
    }
    if (forming) {
      await createChecklist(tx, row.centerId, row.id, row.category);
      await recordEvent(tx, ctx, target, { kind: 'mediation_started', payload: { members: input.members.length } }, { applicants: true });
    }
    await setStatus(tx, row.id, row.next);
    return { status: row.next, added: added.length, removed: removed.length };
  });
}

/**
 * A panel member's cases, a page at a time: the open ones first and, among them, the ones they
 * lead; then the most recently changed. Each with their role on it and the running clock.
 */
export async function listPanelCases(db: Database, user: SessionUser, request: PageRequest, now = new Date()) {
  const clock = currentClockJoin(db, cases.id);
  const seated = and(eq(panelMembers.userId, user.id), isNull(panelMembers.removedAt));
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      category: cases.category,
      title: cases.title,
      registeredAt: cases.registeredAt,
      centerName: centers.name,
      isLead: panelMembers.isLead,
      clockKind: clock.kind,
      clockDueAt: clock.dueAt,
      clockState: clock.state,
      total: totalRows(),
    })
    .from(panelMembers)
    .innerJoin(cases, eq(cases.id, panelMembers.caseId))
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .leftJoinLateral(clock, sql`true`)
    .where(seated)
    .orderBy(desc(inArray(cases.status, [...openStatuses])), desc(panelMembers.isLead), desc(cases.updatedAt), desc(cases.id))
    .limit(request.pageSize)
    .offset(offsetOf(request));
  return pageOf(
    rows,
    request,
    () => db.$count(panelMembers, seated),
    withClockBadge(now),
  );
}

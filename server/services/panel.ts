import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, centers, organizations, panelMembers, routingRules, timelineEvents, users } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { openStatuses } from '../domain/case-status';
import { panelRoles, type Role } from '../domain/roles';
import { checkPanel, rulesFor, suggestPanel, type PanelCandidate } from '../domain/routing';
import { announceTimeline } from '../live';
import { notifyUsers } from '../notify/users';
import { writeAudit } from './audit';
import { lockCase, setStatus } from './case-lock';
import { createChecklist } from './checklist';
import { ServiceError } from './errors';

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
  if (access.relation.kind !== 'center_staff') return [];
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
  caseId: string;
  members: { userId: string; isLead: boolean }[];
  expectedVersion: number;
}

/**
 * Forms or changes a case's joint panel. Forming it starts mediation; each member added,
 * removed or made lead is a timeline entry the parties see, and each new member is told.
 */
export async function assignPanel(db: Database, actor: SessionUser, input: PanelAssignment) {
  const shape = checkPanel(input.members);
  if (shape !== 'ok') throw new ServiceError('invalid', `panel.${shape}`, { field: 'members' });
  return db.transaction(async (tx) => {
    const row = await lockCase(
      tx,
      actor,
      input.caseId,
      (status) => (status === 'accepted' || status === 'reopened' ? 'assign_panel' : 'change_panel'),
      input.expectedVersion,
    );
    const forming = row.action === 'assign_panel';

    const people = await tx
      .select({ id: users.id, role: users.role, name: users.displayName })
      .from(users)
      .where(and(inArray(users.id, input.members.map((m) => m.userId)), eq(users.centerId, row.centerId), eq(users.status, 'active')));
    const eligible = new Map(people.filter((p) => (panelRoles as readonly Role[]).includes(p.role)).map((p) => [p.id, p]));
    if (eligible.size !== input.members.length) throw new ServiceError('invalid', 'panel.notEligible', { field: 'members' });

    const current = await tx
      .select({ id: panelMembers.id, userId: panelMembers.userId, isLead: panelMembers.isLead })
      .from(panelMembers)
      .where(and(eq(panelMembers.caseId, row.id), isNull(panelMembers.removedAt)));
    const wanted = new Map(input.members.map((m) => [m.userId, m.isLead]));
    const now = new Date();
    const removed = current.filter((c) => !wanted.has(c.userId));
    const added = input.members.filter((m) => !current.some((c) => c.userId === m.userId));
    const leadChanged = current.filter((c) => wanted.has(c.userId) && wanted.get(c.userId) !== c.isLead);

    if (removed.length) {
      await tx.update(panelMembers).set({ removedAt: now }).where(inArray(panelMembers.id, removed.map((r) => r.id)));
    }
    for (const c of leadChanged) await tx.update(panelMembers).set({ isLead: wanted.get(c.userId)! }).where(eq(panelMembers.id, c.id));
    if (added.length) {
      await tx.insert(panelMembers).values(added.map((m) => ({ centerId: row.centerId, caseId: row.id, userId: m.userId, isLead: m.isLead, addedBy: actor.id, addedAt: now })));
      await notifyUsers(tx, added.map((m) => m.userId), { caseId: row.id, kind: 'assignment', body: { caseNumber: row.caseNumber } });
    }
    const entry = (kind: string, userId: string, extra: Record<string, unknown> = {}) => ({
      centerId: row.centerId,
      caseId: row.id,
      kind,
      visibility: 'parties' as const,
      actorId: actor.id,
      body: { memberId: userId, memberName: eligible.get(userId)?.name ?? null, memberRole: eligible.get(userId)?.role ?? null, ...extra },
      createdAt: now,
    });
    const entries = [
      ...added.map((m) => entry('panel_member_added', m.userId, { isLead: m.isLead })),
      ...removed.map((r) => entry('panel_member_removed', r.userId)),
      ...leadChanged.filter((c) => wanted.get(c.userId)).map((c) => entry('panel_lead_changed', c.userId)),
    ];
    if (entries.length) await tx.insert(timelineEvents).values(entries);
    await announceTimeline(tx, row.id);
    if (forming) {
      const [c] = await tx.select({ category: cases.category }).from(cases).where(eq(cases.id, row.id));
      await createChecklist(tx, row.centerId, row.id, c!.category);
    }
    await setStatus(tx, row.id, row.next);
    await writeAudit(tx, {
      actorId: actor.id,
      centerId: row.centerId,
      action: forming ? 'case.assign_panel' : 'case.change_panel',
      entityType: 'case',
      entityId: row.id,
      data: { added: added.map((a) => a.userId), removed: removed.map((r) => r.userId) },
    });
    return { status: row.next, added: added.length, removed: removed.length };
  });
}

/** A panel member's cases, with their role on each. */
export async function listPanelCases(db: Database, user: SessionUser) {
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      category: cases.category,
      title: cases.title,
      registeredAt: cases.registeredAt,
      centerName: centers.name,
      isLead: panelMembers.isLead,
    })
    .from(panelMembers)
    .innerJoin(cases, eq(cases.id, panelMembers.caseId))
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(and(eq(panelMembers.userId, user.id), isNull(panelMembers.removedAt)))
    .orderBy(desc(cases.updatedAt));
}

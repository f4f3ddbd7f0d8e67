import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, timelineEvents, users } from '../../db/schema';
import { seesFullContact, seesTrackingCode, timelineFilter, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { daysLeft, defaultClockDays, resolveDueAt } from '../domain/clocks';
import { caseStatuses, openStatuses, type CaseStatus } from '../domain/case-status';
import { maskPhone } from '../domain/phone';
import { regionPrefix } from '../domain/region';

const caseSummary = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  status: cases.status,
  category: cases.category,
  title: cases.title,
  channel: cases.channel,
  registeredAt: cases.registeredAt,
};

/** The cases a petitioner is a party to, newest first. */
export async function listMyCases(db: Database, user: SessionUser) {
  return db
    .selectDistinct({ ...caseSummary, centerName: centers.name })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(eq(caseParties.userId, user.id))
    .orderBy(desc(cases.registeredAt));
}

/** Registered cases of the clerk's center awaiting an acceptance decision, most urgent first. */
export async function listIntakeQueue(db: Database, user: SessionUser, now = new Date()) {
  if (!user.centerId) return [];
  const rows = await db
    .select({ ...caseSummary, applicant: sql<string | null>`min(${caseParties.name})` })
    .from(cases)
    .leftJoin(caseParties, and(eq(caseParties.caseId, cases.id), eq(caseParties.role, 'applicant')))
    .where(and(eq(cases.centerId, user.centerId), eq(cases.status, 'registered')))
    .groupBy(cases.id)
    .orderBy(asc(cases.registeredAt));
  return rows.map((row) => {
    const dueAt = resolveDueAt(row.registeredAt, defaultClockDays.acceptance);
    return { ...row, acceptanceDueAt: dueAt, daysLeft: daysLeft(dueAt, now) };
  });
}

/** One case as the caller may see it: parties masked per role, timeline filtered in the query. */
export async function getCaseView(db: Database, access: CaseAccess) {
  const [row] = await db
    .select({
      ...caseSummary,
      description: cases.description,
      trackingCode: cases.trackingCode,
      version: cases.version,
      centerName: centers.name,
    })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(and(eq(cases.id, access.caseId), eq(cases.centerId, access.centerId)));
  const parties = await db
    .select({ id: caseParties.id, role: caseParties.role, name: caseParties.name, phone: caseParties.phone })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, access.caseId), eq(caseParties.centerId, access.centerId)))
    .orderBy(asc(caseParties.createdAt));
  const timeline = await db
    .select({
      id: timelineEvents.id,
      kind: timelineEvents.kind,
      visibility: timelineEvents.visibility,
      body: timelineEvents.body,
      createdAt: timelineEvents.createdAt,
      actorName: users.displayName,
    })
    .from(timelineEvents)
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .where(timelineFilter(access))
    .orderBy(asc(timelineEvents.createdAt));
  const fullContact = seesFullContact(access);
  return {
    ...row!,
    trackingCode: seesTrackingCode(access) ? row!.trackingCode : null,
    parties: parties.map((p) => ({ ...p, phone: p.phone && !fullContact ? maskPhone(p.phone) : p.phone })),
    timeline,
  };
}

function statusCounts(rows: { status: CaseStatus; n: number }[]) {
  const byStatus = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const r of rows) byStatus[r.status] = Number(r.n);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const open = openStatuses.reduce((a, s) => a + byStatus[s], 0);
  return { total, open, byStatus };
}

/** The director's home: the center's cases by status. */
export async function centerSummary(db: Database, user: SessionUser) {
  if (!user.centerId) return { centerName: '', ...statusCounts([]) };
  const [center] = await db.select({ name: centers.name }).from(centers).where(eq(centers.id, user.centerId));
  const rows = await db
    .select({ status: cases.status, n: count() })
    .from(cases)
    .where(eq(cases.centerId, user.centerId))
    .groupBy(cases.status);
  return { centerName: center?.name ?? '', ...statusCounts(rows) };
}

/** The supervisor's home: every center in their region with its case counts. */
export async function regionOverview(db: Database, user: SessionUser) {
  if (!user.regionCode) return [];
  const inRegion = await db
    .select({ id: centers.id, name: centers.name, regionCode: centers.regionCode })
    .from(centers)
    .where(sql`${centers.regionCode} like ${regionPrefix(user.regionCode) + '%'}`)
    .orderBy(asc(centers.regionCode));
  if (inRegion.length === 0) return [];
  const rows = await db
    .select({ centerId: cases.centerId, status: cases.status, n: count() })
    .from(cases)
    .where(inArray(cases.centerId, inRegion.map((c) => c.id)))
    .groupBy(cases.centerId, cases.status);
  return inRegion.map((center) => ({
    ...center,
    ...statusCounts(rows.filter((r) => r.centerId === center.id)),
  }));
}

/** Centers a petitioner can address a petition to. */
export async function listCenters(db: Database) {
  return db.select({ id: centers.id, name: centers.name, regionCode: centers.regionCode }).from(centers).orderBy(asc(centers.regionCode));
}

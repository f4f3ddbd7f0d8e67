import { and, asc, count, desc, eq, exists, ilike, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseLinks, caseParties, cases, caseVisits, centers, timelineEvents, users } from '../../db/schema';
import { readableVisibilities, seesFullContact, seesTrackingCode, timelineFilter, writableVisibilities, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { caseStatuses, openStatuses, type CaseStatus, type Channel } from '../domain/case-status';
import { daysLeft, defaultClockDays, latestStartWithDaysLeft, resolveDueAt } from '../domain/clocks';
import { maskIdNumber } from '../domain/id-number';
import { maskPhone } from '../domain/phone';
import { regionContains, regionPrefix } from '../domain/region';
import { availableActions } from '../domain/workflow';
import { decryptIdNumber } from '../pii';
import { centerDestinations } from './center-config';
import { notFound } from './errors';
import { findDuplicates, probeOfCase } from './duplicates';
import { listCaseEvidence } from './evidence';
import { currentPanel } from './panel';
import { listSessions } from './sessions';

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

export interface IntakeQueueQuery {
  status: CaseStatus;
  channel?: Channel;
  category?: string;
  /** Only cases whose acceptance decision is due within this many days (or overdue). */
  dueWithinDays?: number;
  /** A case number, or part of an applicant's name or phone. */
  search?: string;
  sort: 'due' | 'newest';
  page: number;
  pageSize: number;
}

/** The clerk's queue: the center's cases, filtered and paged in the database, most urgent first. */
export async function listIntakeQueue(db: Database, user: SessionUser, query: IntakeQueueQuery, now = new Date()) {
  if (!user.centerId) return { rows: [], total: 0 };
  const filters: (SQL | undefined)[] = [eq(cases.centerId, user.centerId), eq(cases.status, query.status)];
  if (query.channel) filters.push(eq(cases.channel, query.channel));
  if (query.category) filters.push(eq(cases.category, query.category));
  if (query.dueWithinDays !== undefined) {
    filters.push(lte(cases.registeredAt, latestStartWithDaysLeft(now, query.dueWithinDays, defaultClockDays.acceptance)));
  }
  const search = query.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      or(
        ilike(cases.caseNumber, pattern),
        exists(
          db
            .select({ one: sql`1` })
            .from(caseParties)
            .where(and(eq(caseParties.caseId, cases.id), or(ilike(caseParties.name, pattern), like(caseParties.phone, pattern)))),
        ),
      ),
    );
  }
  const where = and(...filters);
  const [{ total }] = (await db.select({ total: count() }).from(cases).where(where)) as [{ total: number }];
  const rows = await db
    .select(caseSummary)
    .from(cases)
    .where(where)
    .orderBy(query.sort === 'newest' ? desc(cases.registeredAt) : asc(cases.registeredAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const applicants = rows.length
    ? await db
        .select({ caseId: caseParties.caseId, first: sql<string>`min(${caseParties.name})`, n: count() })
        .from(caseParties)
        .where(and(inArray(caseParties.caseId, rows.map((r) => r.id)), eq(caseParties.role, 'applicant')))
        .groupBy(caseParties.caseId)
    : [];
  const withClocks = await Promise.all(
    rows.map(async (row) => {
      const group = applicants.find((a) => a.caseId === row.id);
      const dueAt = resolveDueAt(row.registeredAt, defaultClockDays.acceptance);
      const probe = row.status === 'registered' ? await probeOfCase(db, row.id) : null;
      const duplicates = probe ? (await findDuplicates(db, probe, 5)).length : 0;
      return { ...row, applicant: group?.first ?? null, applicantCount: Number(group?.n ?? 0), acceptanceDueAt: dueAt, daysLeft: daysLeft(dueAt, now), duplicates };
    }),
  );
  return { rows: withClocks, total: Number(total) };
}

/** One case as the caller may see it: parties masked per role, timeline and files filtered in the query. */
export async function getCaseView(db: Database, access: CaseAccess, viewer: SessionUser) {
  const [row] = await db
    .select({
      ...caseSummary,
      description: cases.description,
      request: cases.request,
      amountInDispute: cases.amountInDispute,
      occurredOn: cases.occurredOn,
      location: cases.location,
      trackingCode: cases.trackingCode,
      decidedAt: cases.decidedAt,
      version: cases.version,
      centerName: centers.name,
    })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(and(eq(cases.id, access.caseId), eq(cases.centerId, access.centerId)));
  const parties = await db
    .select({
      id: caseParties.id,
      role: caseParties.role,
      kind: caseParties.kind,
      name: caseParties.name,
      phone: caseParties.phone,
      idNumberEncrypted: caseParties.idNumberEncrypted,
      creditCode: caseParties.creditCode,
      claimedAmount: caseParties.claimedAmount,
      isRepresentative: caseParties.isRepresentative,
    })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, access.caseId), eq(caseParties.centerId, access.centerId)))
    .orderBy(asc(caseParties.position), asc(caseParties.createdAt));
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
  const [evidence, links, [visits]] = await Promise.all([
    listCaseEvidence(db, access.caseId, readableVisibilities(access.relation)),
    db
      .select({ kind: caseLinks.kind, caseId: caseLinks.otherCaseId, caseNumber: cases.caseNumber, status: cases.status })
      .from(caseLinks)
      .innerJoin(cases, eq(cases.id, caseLinks.otherCaseId))
      .where(eq(caseLinks.caseId, access.caseId)),
    db.select({ n: count() }).from(caseVisits).where(eq(caseVisits.caseId, access.caseId)),
  ]);
  const staff = access.relation.kind === 'center_staff';
  const panel = await currentPanel(db, access.caseId);
  const fullContact = seesFullContact(access);
  const probe = staff && row!.status === 'registered' ? await probeOfCase(db, access.caseId) : null;
  return {
    ...row!,
    trackingCode: seesTrackingCode(access) ? row!.trackingCode : null,
    visitCount: Number(visits?.n ?? 0),
    parties: parties.map(({ idNumberEncrypted, ...p }) => {
      const idNumber = idNumberEncrypted ? decryptIdNumber(idNumberEncrypted) : null;
      return {
        ...p,
        phone: p.phone && !fullContact ? maskPhone(p.phone) : p.phone,
        idNumber: idNumber && !fullContact ? maskIdNumber(idNumber) : idNumber,
      };
    }),
    timeline,
    evidence,
    links,
    duplicates: probe ? await findDuplicates(db, probe) : [],
    panel,
    clock: caseClock(row!.status, row!.registeredAt, row!.decidedAt),
    sessions: await listSessions(db, access),
    relation: access.relation.kind,
    writableVisibilities: writableVisibilities(access.relation),
    actions: staff ? availableActions(row!.status, { role: viewer.role, ofCaseCenter: true }) : [],
    destinations: staff ? await centerDestinations(db, access.centerId) : [],
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

/**
 * One center's cases, newest first, for a supervisor whose region contains it. A center
 * outside the region reads as "not found", like a case the caller may not see.
 */
export async function listRegionCenterCases(db: Database, user: SessionUser, query: { centerId: string; page: number; pageSize: number }) {
  const [center] = await db
    .select({ id: centers.id, name: centers.name, regionCode: centers.regionCode })
    .from(centers)
    .where(eq(centers.id, query.centerId));
  if (!center || !user.regionCode || !regionContains(user.regionCode, center.regionCode)) throw notFound();
  const where = eq(cases.centerId, center.id);
  const [{ total }] = (await db.select({ total: count() }).from(cases).where(where)) as [{ total: number }];
  const rows = await db
    .select(caseSummary)
    .from(cases)
    .where(where)
    .orderBy(desc(cases.registeredAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { center, rows, total: Number(total) };
}

/** Centers a petitioner can address a petition to. */
export async function listCenters(db: Database) {
  return db.select({ id: centers.id, name: centers.name, regionCode: centers.regionCode }).from(centers).orderBy(asc(centers.regionCode));
}

/** The legal clock that is running for a case now, if any: deciding acceptance, or handling it. */
function caseClock(status: CaseStatus, registeredAt: Date, decidedAt: Date | null, now = new Date()) {
  if (status === 'registered') {
    const dueAt = resolveDueAt(registeredAt, defaultClockDays.acceptance);
    return { kind: 'acceptance' as const, dueAt, daysLeft: daysLeft(dueAt, now) };
  }
  if ((status === 'accepted' || status === 'mediating') && decidedAt) {
    const dueAt = resolveDueAt(decidedAt, defaultClockDays.handling);
    return { kind: 'handling' as const, dueAt, daysLeft: daysLeft(dueAt, now) };
  }
  return null;
}

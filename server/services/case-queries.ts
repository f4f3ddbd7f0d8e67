import { and, asc, count, desc, eq, exists, ilike, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseLinks, caseParties, cases, caseVisits, centers, townships } from '../../db/schema';
import { audienceOf, can, openActions, readableVisibilities, resolveCaseAccess, writableVisibilities, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import { addDays, endOfLocalDay, localDateOf } from '../domain/calendar';
import { caseStatuses, openStatuses, type CaseStatus, type Channel } from '../domain/case-status';
import { maskIdNumber } from '../domain/id-number';
import { maskPhone } from '../domain/phone';
import { regionContains, regionPrefix } from '../domain/region';
import { suggestTrack } from '../domain/tracks';
import type { Locale } from '../i18n/locales';
import { decryptIdNumber } from '../pii';
import { centerDestinations } from './center-config';
import { notFound } from './errors';
import { emptyPage, offsetOf, pageOf, totalRows, type PageRequest } from './paging';
import { caseClockViews, currentClockJoin, withClockBadge } from './clocks';
import { findDuplicates, findDuplicatesBatch, probesOfCases } from './duplicates';
import { listCaseEvidence } from './evidence';
import { currentPanel } from './panel';
import { listSessions } from './sessions';
import { reReviewedCaseIds } from './reviews';

const caseSummary = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  status: cases.status,
  category: cases.category,
  title: cases.title,
  channel: cases.channel,
  track: cases.track,
  registeredAt: cases.registeredAt,
};

/** The cases a petitioner is a party to, newest first, each with its running clock; a page at a time. */
export async function listMyCases(db: Database, user: SessionUser, request: PageRequest, now = new Date()) {
  const clock = currentClockJoin(db, cases.id);
  const theirs = exists(db.select({ one: sql`1` }).from(caseParties).where(and(eq(caseParties.caseId, cases.id), eq(caseParties.userId, user.id))));
  const rows = await db
    .select({ ...caseSummary, centerName: centers.name, clockKind: clock.kind, clockDueAt: clock.dueAt, clockState: clock.state, total: totalRows() })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .leftJoinLateral(clock, sql`true`)
    .where(theirs)
    .orderBy(desc(cases.registeredAt), desc(cases.id))
    .limit(request.pageSize)
    .offset(offsetOf(request));
  return pageOf(
    rows,
    request,
    () => db.$count(cases, theirs),
    withClockBadge(now),
  );
}

export interface IntakeQueueQuery extends PageRequest {
  status: CaseStatus;
  channel?: Channel;
  category?: string;
  /** Only cases whose running clock is due within this many days (or overdue). */
  dueWithinDays?: number;
  /** A case number, or part of an applicant's name or phone. */
  search?: string;
  sort: 'due' | 'newest';
}

/** The clerk's queue: the center's cases, filtered and paged in the database, most urgent first. */
export async function listIntakeQueue(db: Database, user: SessionUser, query: IntakeQueueQuery, now = new Date()) {
  if (!user.centerId) return emptyPage(query);
  const clock = currentClockJoin(db, cases.id);
  const filters: (SQL | undefined)[] = [eq(cases.centerId, user.centerId), eq(cases.status, query.status)];
  if (query.channel) filters.push(eq(cases.channel, query.channel));
  if (query.category) filters.push(eq(cases.category, query.category));
  if (query.dueWithinDays !== undefined) filters.push(lte(clock.dueAt, endOfLocalDay(addDays(localDateOf(now), query.dueWithinDays))));
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
  // The page, each row with its first applicant, how many applicants, and how many rows match
  // in all (counted before the limit): one statement.
  const rows = await db
    .select({
      ...caseSummary,
      clockKind: clock.kind,
      clockDueAt: clock.dueAt,
      clockState: clock.state,
      applicant: sql<string | null>`(select min(${caseParties.name}) from ${caseParties} where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant')`,
      applicantCount: sql<number>`(select count(*) from ${caseParties} where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant')::int`,
      total: totalRows(),
    })
    .from(cases)
    .leftJoinLateral(clock, sql`true`)
    .where(where)
    .orderBy(...(query.sort === 'newest' ? [desc(cases.registeredAt)] : [sql`${clock.dueAt} asc nulls last`, asc(cases.registeredAt)]))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  // Likely duplicates only matter before the acceptance decision; the whole page in one query.
  const registered = rows.filter((r) => r.status === 'registered').map((r) => r.id);
  const probes = await probesOfCases(db, registered);
  const found = await findDuplicatesBatch(db, [...probes.values()], 5);
  const duplicateCount = new Map([...probes.keys()].map((id, i) => [id, found[i]!.length]));
  const shape = withClockBadge(now);
  return pageOf(
    rows,
    query,
    async () => Number(((await db.select({ total: count() }).from(cases).leftJoinLateral(clock, sql`true`).where(where)) as [{ total: number }])[0].total),
    ({ applicantCount, ...row }) => ({ ...shape(row), applicantCount: Number(applicantCount), duplicates: duplicateCount.get(row.id) ?? 0 }),
  );
}

/** The other cases linked to this one that the caller may see themselves; the rest stay hidden. */
async function visibleLinks(db: Database, access: CaseAccess, viewer: SessionUser) {
  const links = await db
    .select({ kind: caseLinks.kind, caseId: caseLinks.otherCaseId, caseNumber: cases.caseNumber, status: cases.status })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.otherCaseId))
    .where(and(eq(caseLinks.caseId, access.caseId), eq(caseLinks.centerId, access.centerId)));
  const seen = await Promise.all(links.map((l) => resolveCaseAccess(db, viewer, l.caseId)));
  return links.filter((_, i) => seen[i] !== null);
}

/** One case as the caller may see it: parties masked per the policy, what they may do now, the clocks explained. */
export async function getCaseView(db: Database, access: CaseAccess, viewer: SessionUser, locale: Locale, now = new Date()) {
  const [row] = await db
    .select({
      ...caseSummary,
      description: cases.description,
      request: cases.request,
      amountInDispute: cases.amountInDispute,
      occurredOn: cases.occurredOn,
      location: cases.location,
      townshipName: townships.name,
      trackingCode: cases.trackingCode,
      receivedAt: cases.receivedAt,
      decidedAt: cases.decidedAt,
      version: cases.version,
      centerName: centers.name,
    })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .leftJoin(townships, and(eq(townships.centerId, cases.centerId), eq(townships.code, cases.townshipCode)))
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
  const actions = openActions(access, row!.status);
  const [evidence, links, [visits], panel, clocks, sessions] = await Promise.all([
    listCaseEvidence(db, access.caseId, readableVisibilities(access.relation)),
    visibleLinks(db, access, viewer),
    db.select({ n: count() }).from(caseVisits).where(eq(caseVisits.caseId, access.caseId)),
    currentPanel(db, access.caseId),
    caseClockViews(db, access.caseId, locale, now),
    listSessions(db, access),
  ]);
  const deciding = actions.includes('accept');
  return {
    ...row!,
    trackingCode: can(access, 'see_tracking_code') ? row!.trackingCode : null,
    suggestedTrack: suggestTrack(row!.category),
    visitCount: Number(visits?.n ?? 0),
    // Masked for everyone; the full numbers only through revealContact, one party at a time.
    parties: parties.map(({ idNumberEncrypted, ...p }) => ({
      ...p,
      phone: p.phone ? maskPhone(p.phone) : null,
      idNumber: idNumberEncrypted ? maskIdNumber(decryptIdNumber(idNumberEncrypted)) : null,
    })),
    evidence,
    links,
    duplicates: deciding ? await markReReviewed(db, await findDuplicates(db, (await probesOfCases(db, [access.caseId])).get(access.caseId)!)) : [],
    panel,
    clocks,
    sessions,
    /** The next session to attend (the petitioner's next-step card). */
    nextSession: sessions.find((s) => s.status === 'scheduled' && s.startsAt.getTime() > now.getTime()) ?? null,
    audience: audienceOf(access),
    /** The caller's own parties (a petitioner's), whose marks they make on their phone. */
    ownPartyIds: access.relation.kind === 'party' ? access.relation.partyIds : [],
    writableVisibilities: writableVisibilities(access.relation),
    actions,
    destinations: deciding ? await centerDestinations(db, access.centerId) : [],
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

/** The centers of a region (GB/T 2260 prefix), in code order. */
export function centersInRegion(db: Database, regionCode: string) {
  return db
    .select({ id: centers.id, name: centers.name, regionCode: centers.regionCode })
    .from(centers)
    .where(sql`${centers.regionCode} like ${regionPrefix(regionCode) + '%'}`)
    .orderBy(asc(centers.regionCode));
}

/** The supervisor's home: every center in their region with its case counts. */
export async function regionOverview(db: Database, user: SessionUser) {
  if (!user.regionCode) return [];
  const inRegion = await centersInRegion(db, user.regionCode);
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

/** Each likely duplicate with whether its matter was re-reviewed (then the new petition is not accepted again). */
async function markReReviewed<T extends { id: string }>(db: Database, candidates: T[]) {
  const finished = await reReviewedCaseIds(db, candidates.map((c) => c.id));
  return candidates.map((c) => ({ ...c, reReviewed: finished.has(c.id) }));
}

import { and, asc, eq, like } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, timelineEvents } from '../../db/schema';
import { consume } from '../auth/rate-limit';
import { notFound } from './errors';

export interface TrackingQuery {
  caseNumber: string;
  trackingCode: string;
  phoneLast4: string;
  ip: string;
}

/**
 * The public "track my case" page: all three of case number, tracking code and the last
 * four digits of an applicant's phone must match. Shows only what every party may see,
 * without names. Rate limited per address; every miss looks the same.
 */
export async function trackCase(db: Database, query: TrackingQuery) {
  await consume(db, 'trackIp', query.ip, 'errors.rateLimited');
  const [row] = await db
    .select({ id: cases.id, caseNumber: cases.caseNumber, status: cases.status, category: cases.category, registeredAt: cases.registeredAt, centerName: centers.name })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .innerJoin(caseParties, and(eq(caseParties.caseId, cases.id), eq(caseParties.role, 'applicant')))
    .where(
      and(
        eq(cases.caseNumber, query.caseNumber),
        eq(cases.trackingCode, query.trackingCode.toUpperCase()),
        like(caseParties.phone, `%${query.phoneLast4}`),
      ),
    )
    .limit(1);
  if (!row) throw notFound();
  const timeline = await db
    .select({ kind: timelineEvents.kind, createdAt: timelineEvents.createdAt, body: timelineEvents.body })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.caseId, row.id), eq(timelineEvents.visibility, 'parties')))
    .orderBy(asc(timelineEvents.createdAt));
  const { id: _id, ...publicCase } = row;
  return { ...publicCase, timeline: timeline.map((e) => ({ kind: e.kind, createdAt: e.createdAt, body: publicBody(e.body) })) };
}

/** Only the fields of an entry meant for the petitioner: decision reason, destination, case numbers. */
function publicBody(body: Record<string, unknown>) {
  const keep = ['reason', 'destination', 'caseNumber', 'channel'] as const;
  return Object.fromEntries(keep.filter((k) => body[k] != null).map((k) => [k, body[k]]));
}

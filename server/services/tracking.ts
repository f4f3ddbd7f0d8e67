import { and, asc, eq, like } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, timelineEvents } from '../../db/schema';
import { publicTimelineFilter } from '../auth/policy';
import { consume } from '../auth/rate-limit';
import { renderEvent } from '../domain/event-render';
import type { Locale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import { notFound } from './errors';

export interface TrackingQuery {
  caseNumber: string;
  trackingCode: string;
  phoneLast4: string;
  ip: string;
}

/**
 * The public "track my case" page: all three of case number, tracking code and the last
 * four digits of an applicant's phone must match. Shows only the kinds of events meant for
 * the public, without names. Rate limited per address; every miss looks the same.
 */
export async function trackCase(db: Database, query: TrackingQuery, locale: Locale) {
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
  const events = await db
    .select({ kind: timelineEvents.kind, createdAt: timelineEvents.createdAt, body: timelineEvents.body })
    .from(timelineEvents)
    .where(publicTimelineFilter(row.id))
    .orderBy(asc(timelineEvents.createdAt));
  const tools = renderTools(locale);
  const { id: _id, ...publicCase } = row;
  return {
    ...publicCase,
    timeline: events.flatMap((e) => {
      const rendered = renderEvent({ kind: e.kind, payload: e.body, actorName: null, actorSystem: null }, 'public', tools);
      return rendered ? [{ kind: e.kind, createdAt: e.createdAt, title: rendered.title, details: rendered.details }] : [];
    }),
  };
}

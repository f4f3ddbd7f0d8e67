import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, timelineEvents } from '../../db/schema';
import { timelineFilter, type CaseAccess } from '../auth/policy';
import { parseEvent } from '../domain/case-events';
import { handlingRules } from '../domain/tracks';
import { notFound } from './errors';

/**
 * The written notice of a petition's extension (延期告知书): the petitioner is told in writing
 * why the handling period was extended and until when (信访工作条例). Built from the latest
 * extension event the caller may read.
 */
export async function extensionNotice(db: Database, access: CaseAccess) {
  const [event] = await db
    .select({ body: timelineEvents.body, createdAt: timelineEvents.createdAt, kind: timelineEvents.kind })
    .from(timelineEvents)
    .where(and(timelineFilter(access), eq(timelineEvents.kind, 'clock_extended')))
    .orderBy(desc(timelineEvents.createdAt))
    .limit(1);
  const parsed = event ? parseEvent(event.kind, event.body) : null;
  if (!parsed || parsed.kind !== 'clock_extended') throw notFound();
  const [row] = await db
    .select({ caseNumber: cases.caseNumber, title: cases.title, track: cases.track, receivedAt: cases.receivedAt, decidedAt: cases.decidedAt, centerName: centers.name })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(eq(cases.id, access.caseId));
  const applicants = await db
    .select({ name: caseParties.name })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, access.caseId), eq(caseParties.role, 'applicant')));
  return {
    ...row!,
    applicants: applicants.map((a) => a.name),
    decidedOn: event!.createdAt,
    days: parsed.payload.days,
    reason: parsed.payload.reason,
    previousDueAt: new Date(parsed.payload.previousDueAt),
    dueAt: new Date(parsed.payload.dueAt),
    source: row!.track ? (handlingRules[row!.track]?.source ?? null) : null,
  };
}

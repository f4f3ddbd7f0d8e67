import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client';
import { timelineEvents } from '../../db/schema';
import type { Visibility } from '../domain/case-status';
import { caseEventSchemas, eventMeta, type CaseEvent } from '../domain/case-events';
import type { NoticePurpose } from '../domain/event-render';
import { sendCaseNotices } from '../notify/case-notices';
import { auditInsert, auditRow } from './audit';
import { actorColumns, type ServiceContext } from './context';

export interface CaseRef {
  centerId: string;
  caseId: string;
}

export type NewEvent = CaseEvent & {
  /** Required for kinds whose visibility the writer chooses (notes, files); fixed otherwise. */
  visibility?: Visibility;
  caucusPartyId?: string | null;
};

export interface NoticeSpec {
  /** The case's applicants: an inbox entry for those with an account, an SMS to every phone. */
  applicants?: boolean;
  /** Only these parties (e.g. the worker a payment went to), the same way. */
  parties?: string[];
  /** Staff to tell (the actor is never told of their own act). */
  users?: string[];
  purpose?: NoticePurpose;
}

/**
 * THE way anything is written to a case's timeline (an ESLint rule forbids inserting timeline
 * rows anywhere else). In the caller's transaction: the validated timeline row, its audit row
 * (the row's trigger tells live subscribers on commit), and the people's notices.
 */
export async function recordEvent(tx: Database, ctx: ServiceContext, target: CaseRef, event: NewEvent, notices?: NoticeSpec) {
  const rows = eventRows(ctx, target, event, notices);
  const entry = rows.entry;
  // Sent together: postgres.js pipelines them on the transaction's connection.
  await Promise.all(eventInserts(tx, rows));
  if (notices) {
    await sendCaseNotices(tx, ctx.actor, target, { id: entry.id, kind: event.kind, payload: entry.payload }, notices);
  }
  return { id: entry.id, createdAt: entry.createdAt };
}

/**
 * The event's rows, validated and complete but not written: for an action written as one
 * prepared statement, whose values go in as placeholders (`eventInserts` then writes them).
 */
export function eventRows(ctx: ServiceContext, target: CaseRef, event: NewEvent, notices?: NoticeSpec) {
  const meta = eventMeta[event.kind];
  const visibility = meta.visibility === 'chosen' ? event.visibility : meta.visibility;
  if (!visibility) throw new Error(`the writer of a ${event.kind} event must choose its visibility`);
  // A notice tells the parties only of what they may read on the timeline.
  if ((notices?.applicants || notices?.parties?.length) && visibility !== 'parties') throw new Error(`${event.kind} at ${visibility} cannot be told to the parties`);
  const payload = caseEventSchemas[event.kind].parse(event.payload) as Record<string, unknown>;
  const entry = { id: randomUUID(), createdAt: ctx.now(), payload };
  const timeline = {
    id: entry.id,
    centerId: target.centerId,
    caseId: target.caseId,
    kind: event.kind,
    visibility,
    caucusPartyId: visibility === 'caucus' ? (event.caucusPartyId ?? null) : null,
    ...actorColumns(ctx.actor),
    body: payload,
    createdAt: entry.createdAt,
  };
  const audit = auditRow({
    actor: ctx.actor,
    centerId: target.centerId,
    action: `case.${event.kind}`,
    entityType: 'case',
    entityId: target.caseId,
    data: { eventId: entry.id, visibility },
  });
  return { entry, timeline, audit };
}

/** The inserts of an event's rows (the one place timeline rows are inserted). */
export function eventInserts(tx: Database, rows: Pick<ReturnType<typeof eventRows>, 'timeline' | 'audit'>) {
  return [tx.insert(timelineEvents).values(rows.timeline), auditInsert(tx, rows.audit)];
}

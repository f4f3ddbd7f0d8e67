import type { Database } from '../../db/client';
import { timelineEvents } from '../../db/schema';
import type { Visibility } from '../domain/case-status';
import { caseEventSchemas, eventMeta, type CaseEvent } from '../domain/case-events';
import type { NoticePurpose } from '../domain/event-render';
import { announceTimeline } from '../live';
import { sendCaseNotices } from '../notify/case-notices';
import { writeAudit } from './audit';
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
 * rows anywhere else). In the caller's transaction: the validated timeline row, its audit row,
 * the NOTIFY that live subscribers hear on commit, and the people's notices.
 */
export async function recordEvent(tx: Database, ctx: ServiceContext, target: CaseRef, event: NewEvent, notices?: NoticeSpec) {
  const meta = eventMeta[event.kind];
  const visibility = meta.visibility === 'chosen' ? event.visibility : meta.visibility;
  if (!visibility) throw new Error(`the writer of a ${event.kind} event must choose its visibility`);
  // A notice tells the parties only of what they may read on the timeline.
  if ((notices?.applicants || notices?.parties?.length) && visibility !== 'parties') throw new Error(`${event.kind} at ${visibility} cannot be told to the parties`);
  const payload = caseEventSchemas[event.kind].parse(event.payload) as Record<string, unknown>;
  const [row] = await tx
    .insert(timelineEvents)
    .values({
      centerId: target.centerId,
      caseId: target.caseId,
      kind: event.kind,
      visibility,
      caucusPartyId: visibility === 'caucus' ? (event.caucusPartyId ?? null) : null,
      ...actorColumns(ctx.actor),
      body: payload,
      createdAt: ctx.now(),
    })
    .returning({ id: timelineEvents.id, createdAt: timelineEvents.createdAt });
  await writeAudit(tx, {
    actor: ctx.actor,
    centerId: target.centerId,
    action: `case.${event.kind}`,
    entityType: 'case',
    entityId: target.caseId,
    data: { eventId: row!.id, visibility },
  });
  await announceTimeline(tx, target.caseId);
  if (notices) {
    await sendCaseNotices(tx, ctx.actor, target, { id: row!.id, kind: event.kind, payload }, notices);
  }
  return row!;
}

import { and, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, evidenceFiles, panelMembers, timelineEvents, users } from '../../db/schema';
import { resolveCaseAccess, timelineFilter, writableVisibilities, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import type { Visibility } from '../domain/case-status';
import { announceTimeline, timelineChanges } from '../live';
import { notifyUsers } from '../notify/users';
import { writeAudit } from './audit';
import { ServiceError } from './errors';

export interface EntryInput {
  text: string;
  visibility: Visibility;
  /** For a caucus: the party the separate talk is with. */
  caucusPartyId?: string;
  /** Panel members to notify. */
  mentions: string[];
  /** Files the author uploaded for this entry. */
  attachmentIds: string[];
}

/**
 * Posts an entry on the case's one timeline. A caller writes only at a visibility they may
 * read; a caucus names one party of this case; mentions reach current panel members only.
 * The commit notifies listeners (live updates) through Postgres NOTIFY.
 */
export async function postEntry(db: Database, actor: SessionUser, access: CaseAccess, input: EntryInput) {
  if (!writableVisibilities(access.relation).includes(input.visibility)) {
    throw new ServiceError('forbidden', 'timeline.visibilityNotAllowed', { field: 'visibility' });
  }
  if (input.visibility === 'caucus' && !input.caucusPartyId) throw new ServiceError('invalid', 'validation.required', { field: 'caucusPartyId' });
  if (input.visibility === 'caucus' && input.attachmentIds.length) throw new ServiceError('invalid', 'timeline.noCaucusAttachments', { field: 'attachmentIds' });
  return db.transaction(async (tx) => {
    if (input.caucusPartyId) {
      const [party] = await tx
        .select({ id: caseParties.id })
        .from(caseParties)
        .where(and(eq(caseParties.id, input.caucusPartyId), eq(caseParties.caseId, access.caseId)));
      if (!party) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'caucusPartyId' });
    }
    const mentioned = input.mentions.length
      ? await tx
          .select({ userId: panelMembers.userId })
          .from(panelMembers)
          .where(and(eq(panelMembers.caseId, access.caseId), inArray(panelMembers.userId, input.mentions), isNull(panelMembers.removedAt)))
      : [];
    if (mentioned.length !== new Set(input.mentions).size) throw new ServiceError('invalid', 'timeline.mentionNotOnPanel', { field: 'mentions' });

    const [entry] = await tx
      .insert(timelineEvents)
      .values({
        centerId: access.centerId,
        caseId: access.caseId,
        kind: 'note',
        visibility: input.visibility,
        caucusPartyId: input.visibility === 'caucus' ? input.caucusPartyId! : null,
        actorId: actor.id,
        body: { text: input.text, mentions: input.mentions, attachments: input.attachmentIds },
      })
      .returning({ id: timelineEvents.id, createdAt: timelineEvents.createdAt });
    if (input.attachmentIds.length) {
      const attached = await tx
        .update(evidenceFiles)
        .set({ caseId: access.caseId, centerId: access.centerId, visibility: input.visibility, attachedAt: new Date() })
        .where(and(inArray(evidenceFiles.id, input.attachmentIds), eq(evidenceFiles.uploadedBy, actor.id), isNull(evidenceFiles.caseId)))
        .returning({ id: evidenceFiles.id });
      if (attached.length !== new Set(input.attachmentIds).size) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'attachmentIds' });
    }
    const [row] = await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, access.caseId));
    const others = mentioned.map((m) => m.userId).filter((id) => id !== actor.id);
    await notifyUsers(tx, others, { caseId: access.caseId, kind: 'mention', body: { caseNumber: row!.caseNumber, entryId: entry!.id, by: actor.displayName } });
    await announceTimeline(tx, access.caseId);
    await writeAudit(tx, { actorId: actor.id, centerId: access.centerId, action: 'timeline.post', entityType: 'timeline_event', entityId: entry!.id, data: { visibility: input.visibility } });
    return entry!;
  });
}

/** A page of the timeline, newest first, filtered by the caller's relation in the query. */
export async function timelinePage(db: Database, access: CaseAccess, options: { before?: Date; after?: Date; limit: number }) {
  return db
    .select({
      id: timelineEvents.id,
      kind: timelineEvents.kind,
      visibility: timelineEvents.visibility,
      caucusPartyId: timelineEvents.caucusPartyId,
      body: timelineEvents.body,
      createdAt: timelineEvents.createdAt,
      actorName: users.displayName,
    })
    .from(timelineEvents)
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .where(
      and(
        timelineFilter(access),
        options.before ? lt(timelineEvents.createdAt, options.before) : undefined,
        options.after ? gt(timelineEvents.createdAt, options.after) : undefined,
      ),
    )
    .orderBy(desc(timelineEvents.createdAt), desc(timelineEvents.id))
    .limit(options.limit);
}

/**
 * Server-sent events of the case's timeline: after each committed change, the new entries the
 * caller may read. Access is resolved again every time, so a member removed from the panel
 * stops receiving at once.
 */
export async function* liveTimeline(db: Database, user: SessionUser, access: CaseAccess, after: Date, signal?: AbortSignal) {
  let since = after;
  // Dates reach JavaScript in milliseconds, the database keeps microseconds: ids sent stay
  // remembered so an entry of the same millisecond is never sent twice.
  const sent = new Set<string>();
  for await (const _ of timelineChanges(db, access.caseId, signal)) {
    const current = await resolveCaseAccess(db, user, access.caseId);
    if (!current) return;
    const fresh = (await timelinePage(db, current, { after: since, limit: 200 })).filter((e) => !sent.has(e.id));
    if (fresh.length === 0) continue;
    for (const e of fresh) sent.add(e.id);
    since = new Date(fresh[0]!.createdAt.getTime() - 1);
    yield fresh.reverse();
  }
}

import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { caseParties, evidenceFiles, panelMembers, timelineEvents, users } from '../../db/schema';
import { audienceOf, can, readableVisibilities, resolveCaseAccess, timelineFilter, writableVisibilities, type CaseAccess } from '../auth/policy';
import type { SessionUser } from '../auth/session-user';
import type { Visibility } from '../domain/case-status';
import { eventMeta, type EventKind } from '../domain/case-events';
import { renderEvent } from '../domain/event-render';
import type { Locale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import { timelineChanges } from '../live';
import { recordEvent } from './case-events';
import { ensureCan } from './case-lock';
import { actingUser, type ServiceContext } from './context';
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
 * Posts a note on the case's one timeline. A caller writes only at a visibility they may
 * read; a caucus names one party of this case; mentions reach current panel members only.
 */
export async function postEntry(ctx: ServiceContext, access: CaseAccess, input: EntryInput) {
  ensureCan(access, 'post');
  const actor = actingUser(ctx);
  if (!writableVisibilities(access.relation).includes(input.visibility)) {
    throw new ServiceError('forbidden', 'timeline.visibilityNotAllowed', { field: 'visibility' });
  }
  if (input.visibility === 'caucus' && !input.caucusPartyId) throw new ServiceError('invalid', 'validation.required', { field: 'caucusPartyId' });
  if (input.visibility === 'caucus' && input.attachmentIds.length) throw new ServiceError('invalid', 'timeline.noCaucusAttachments', { field: 'attachmentIds' });
  return ctx.db.transaction(async (tx) => {
    if (input.caucusPartyId) {
      const [party] = await tx
        .select({ id: caseParties.id })
        .from(caseParties)
        .where(and(eq(caseParties.id, input.caucusPartyId), eq(caseParties.caseId, access.caseId)));
      if (!party) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'caucusPartyId' });
    }
    const mentioned = input.mentions.length
      ? await tx
          .select({ id: panelMembers.userId, name: users.displayName })
          .from(panelMembers)
          .innerJoin(users, eq(users.id, panelMembers.userId))
          .where(and(eq(panelMembers.caseId, access.caseId), inArray(panelMembers.userId, input.mentions), isNull(panelMembers.removedAt)))
      : [];
    if (mentioned.length !== new Set(input.mentions).size) throw new ServiceError('invalid', 'timeline.mentionNotOnPanel', { field: 'mentions' });
    const attached = input.attachmentIds.length
      ? await tx
          .update(evidenceFiles)
          .set({ caseId: access.caseId, centerId: access.centerId, visibility: input.visibility, attachedAt: ctx.now() })
          .where(and(inArray(evidenceFiles.id, input.attachmentIds), eq(evidenceFiles.uploadedBy, actor.id), isNull(evidenceFiles.caseId)))
          .returning({ id: evidenceFiles.id, fileName: evidenceFiles.fileName })
      : [];
    if (attached.length !== new Set(input.attachmentIds).size) throw new ServiceError('invalid', 'evidence.unknownFile', { field: 'attachmentIds' });
    return recordEvent(
      tx,
      ctx,
      access,
      { kind: 'note', payload: { text: input.text, mentions: mentioned, attachments: attached }, visibility: input.visibility, caucusPartyId: input.caucusPartyId ?? null },
      { users: mentioned.map((m) => m.id), purpose: 'mention' },
    );
  });
}

const caucusParty = alias(caseParties, 'caucus_party');

/** Timeline entries with who wrote them and whom a separate talk was with. */
function selectEntries(db: Database) {
  return db
    .select({
      id: timelineEvents.id,
      kind: timelineEvents.kind,
      visibility: timelineEvents.visibility,
      caucusPartyName: caucusParty.name,
      body: timelineEvents.body,
      createdAt: timelineEvents.createdAt,
      actorName: users.displayName,
      actorSystem: timelineEvents.actorSystem,
    })
    .from(timelineEvents)
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .leftJoin(caucusParty, eq(caucusParty.id, timelineEvents.caucusPartyId));
}

// The first page is what every case page opens with: prepared once per database handle, the
// caller's relation passed as values (the visibilities it reads, its own party rows for the
// separate talks), read off the (case, time, id) index backwards without a sort.
const firstPageQuery = preparedPerHandle((db) =>
  selectEntries(db)
    .where(
      and(
        eq(timelineEvents.caseId, sql.placeholder('caseId')),
        eq(timelineEvents.centerId, sql.placeholder('centerId')),
        sql`(${timelineEvents.visibility} = any(${sql.placeholder('visibilities')}::text[])
          or (${timelineEvents.visibility} = 'caucus' and ${timelineEvents.caucusPartyId} = any(${sql.placeholder('caucusPartyIds')}::uuid[])))`,
      ),
    )
    .orderBy(desc(timelineEvents.createdAt), desc(timelineEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare('timeline_first_page'),
);

/**
 * A page of the timeline, newest first, filtered by the caller's relation in the query.
 * `beforeId` continues after an entry already shown (keyset on the time and id, in the
 * database's own precision, so entries of the same instant are neither lost nor repeated).
 */
export async function timelinePage(db: Database, access: CaseAccess, options: { beforeId?: string; after?: Date; limit: number }) {
  if (!options.beforeId && !options.after) {
    return firstPageQuery(db).execute({
      caseId: access.caseId,
      centerId: access.centerId,
      visibilities: readableVisibilities(access.relation),
      caucusPartyIds: access.relation.kind === 'party' ? access.relation.partyIds : [],
      limit: options.limit,
    });
  }
  return selectEntries(db)
    .where(
      and(
        timelineFilter(access),
        options.beforeId
          ? sql`(${timelineEvents.createdAt}, ${timelineEvents.id}) < (select c.created_at, c.id from ${timelineEvents} c where c.id = ${options.beforeId})`
          : undefined,
        options.after ? gt(timelineEvents.createdAt, options.after) : undefined,
      ),
    )
    .orderBy(desc(timelineEvents.createdAt), desc(timelineEvents.id))
    .limit(options.limit);
}

type TimelineRow = Awaited<ReturnType<typeof timelinePage>>[number];

/** Entries as the caller reads them, in their language: what happened, details, files, and who may see it. */
export function presentEntries(rows: TimelineRow[], access: CaseAccess, locale: Locale) {
  const tools = renderTools(locale);
  const audience = audienceOf(access);
  return rows.map((row) => {
    const rendered = renderEvent({ kind: row.kind, payload: row.body, actorName: row.actorName, actorSystem: row.actorSystem }, audience, tools)!;
    return {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt.toISOString(),
      visibility: row.visibility,
      caucusPartyName: row.caucusPartyName,
      ...rendered,
      refreshesCase: eventMeta[row.kind as EventKind]?.refreshesCase ?? true,
    };
  });
}

export type TimelineEntry = ReturnType<typeof presentEntries>[number];

/** A page of the timeline, rendered for the caller. */
export async function readTimeline(db: Database, access: CaseAccess, locale: Locale, options: { beforeId?: string; limit: number }) {
  ensureCan(access, 'read');
  const rows = await timelinePage(db, access, { beforeId: options.beforeId, limit: options.limit + 1 });
  return { entries: presentEntries(rows.slice(0, options.limit), access, locale), hasMore: rows.length > options.limit };
}

/**
 * Server-sent events of the case's timeline: after each committed change, the new entries the
 * caller may read, rendered for them. Access is resolved again every time, so a member removed
 * from the panel stops receiving at once.
 */
export async function* liveTimeline(db: Database, user: SessionUser, access: CaseAccess, locale: Locale, after: Date, signal?: AbortSignal) {
  let since = after;
  // Dates reach JavaScript in milliseconds, the database keeps microseconds: ids sent stay
  // remembered so an entry of the same millisecond is never sent twice.
  const sent = new Set<string>();
  for await (const _ of timelineChanges(db, access.caseId, signal)) {
    const current = await resolveCaseAccess(db, user, access.caseId);
    if (!current || !can(current, 'read')) return;
    const fresh = (await timelinePage(db, current, { after: since, limit: 200 })).filter((e) => !sent.has(e.id));
    if (fresh.length === 0) continue;
    for (const e of fresh) sent.add(e.id);
    since = new Date(fresh[0]!.createdAt.getTime() - 1);
    yield presentEntries(fresh.reverse(), current, locale);
  }
}

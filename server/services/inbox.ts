import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { cases, notifications, smsOutbox, timelineEvents, users } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { isDemoMode } from '../config';
import { renderEvent, renderNotice, type NoticePurpose } from '../domain/event-render';
import type { Locale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';

const purposes: readonly string[] = ['event', 'mention', 'assignment'] satisfies NoticePurpose[];

/** The caller's notices, newest first, each rendered for them in their language. */
export async function listInbox(db: Database, user: SessionUser, locale: Locale) {
  const rows = await db
    .select({
      id: notifications.id,
      caseId: notifications.caseId,
      kind: notifications.kind,
      body: notifications.body,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      caseNumber: cases.caseNumber,
      eventKind: timelineEvents.kind,
      eventBody: timelineEvents.body,
      actorSystem: timelineEvents.actorSystem,
      actorName: users.displayName,
    })
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .leftJoin(timelineEvents, eq(timelineEvents.id, notifications.eventId))
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt))
    .limit(50);
  const tools = renderTools(locale);
  const audience = user.role === 'petitioner' ? 'parties' : 'staff';
  return rows.map((n) => {
    let text: string;
    if (n.eventKind && purposes.includes(n.kind)) {
      const rendered = renderEvent({ kind: n.eventKind, payload: n.eventBody, actorName: n.actorName, actorSystem: n.actorSystem }, audience, tools);
      const actor = n.actorSystem ? tools.t('events.system') : (n.actorName ?? tools.t('events.someone'));
      text = renderNotice(n.kind as NoticePurpose, n.caseNumber ?? '', rendered, actor, tools.t);
    } else {
      // A notice without a case event (e.g. about the account) names its message in the catalog.
      const body = n.body as { key?: string; values?: Record<string, string | number> };
      text = tools.t(body.key ?? 'events.unknown', body.values);
    }
    return { id: n.id, caseId: n.caseId, text, readAt: n.readAt, createdAt: n.createdAt };
  });
}

// Every signed-in page shows it: built once per database handle.
const unreadCountQuery = preparedPerHandle((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare('inbox_unread_count'),
);

export async function unreadCount(db: Database, user: SessionUser): Promise<number> {
  const [row] = await unreadCountQuery(db).execute({ userId: user.id });
  return Number(row?.n ?? 0);
}

/** Marks the caller's own notifications read (all of them when no ids are given). */
export async function markRead(db: Database, user: SessionUser, ids?: string[]) {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return { marked: updated.length };
}

/**
 * Demo mode only: the text messages sent to the user's own phone, so a trial without an SMS
 * gateway shows what people receive (codes are shown on screen in demo mode anyway).
 */
export async function demoTextMessages(db: Database, user: SessionUser) {
  if (!isDemoMode()) return [];
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  if (!row?.phone) return [];
  return db
    .select({ id: smsOutbox.id, body: smsOutbox.body, createdAt: smsOutbox.createdAt })
    .from(smsOutbox)
    .where(eq(smsOutbox.phone, row.phone))
    .orderBy(desc(smsOutbox.createdAt))
    .limit(20);
}

import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { notifications } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';

export async function listInbox(db: Database, user: SessionUser) {
  return db
    .select({ id: notifications.id, caseId: notifications.caseId, kind: notifications.kind, body: notifications.body, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt))
    .limit(50);
}

export async function unreadCount(db: Database, user: SessionUser): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
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

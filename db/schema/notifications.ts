import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases, timelineEvents } from './cases';
import { centers } from './centers';
import { users } from './users';

/** The in-app inbox; what is also sent by SMS goes through the SMS sender. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The case's center, for notices about a case (a person's inbox spans centers; account notices have neither). */
    centerId: uuid('center_id').references(() => centers.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** What the notice is for: `event`, `mention`, `assignment`; or a catalog key for notices without an event. */
    kind: text('kind').notNull(),
    /** The case event it tells about; rendered for the recipient in their language when read. */
    eventId: uuid('event_id').references(() => timelineEvents.id),
    body: jsonb('body').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt)],
);

import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseScoped } from './cases';
import { users } from './users';

/**
 * 督办: a supervisor's order on a case of their region — what to do, by when — and the center's
 * answer. Open until answered; overdue once its date has passed unanswered.
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    instruction: text('instruction').notNull(),
    dueOn: date('due_on').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    response: text('response'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [index('supervision_orders_center_id_idx').on(t.centerId, t.respondedAt), index('supervision_orders_case_id_idx').on(t.caseId)],
);

import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FrozenReport } from '../../server/domain/kpis';
import { centers } from './centers';
import { cases } from './cases';
import { users } from './users';
import { warningMark } from './warnings';

/**
 * 督办: a supervisor's order on a case of their region, or on a center as a whole (no case) —
 * what to do, by when — and the center's answer. Open until answered; overdue once its date
 * has passed unanswered.
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    caseId: uuid('case_id').references(() => cases.id),
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

/**
 * A month's figures as the director froze them at month end: never changed afterwards (later
 * corrections show beside them on the dashboard), with each definition's version.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    month: text('month').notNull(),
    report: jsonb('report').$type<FrozenReport>().notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('monthly_reports_center_month_idx').on(t.centerId, t.month)],
);

/**
 * A director's disposition of an early warning (预警处置): who took it on, when, and what was
 * done. It holds for the warning's rule, key and level; a warning that turns red is shown again.
 */
export const warningDispositions = pgTable(
  'warning_dispositions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...warningMark(),
    disposition: text('disposition').notNull(),
    disposedBy: uuid('disposed_by').references(() => users.id),
    disposedAt: timestamp('disposed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('warning_dispositions_center_rule_key_level_idx').on(t.centerId, t.rule, t.key, t.level)],
);

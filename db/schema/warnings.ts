import { boolean, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CenterWarningRule, Thresholds } from '../../server/domain/warning-settings';
import type { WarningLevel, WarningRule } from '../../server/domain/warnings';
import { centers } from './centers';
import { users } from './users';

/**
 * A center's own setting of one early-warning rule: on or off, its thresholds (over the
 * defaults of server/domain/warning-settings.ts, which apply where there is no row) and the
 * staff member who owns its warnings (none: the center's directors).
 */
export const warningSettings = pgTable(
  'warning_settings',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    rule: text('rule').$type<CenterWarningRule>().notNull(),
    enabled: boolean('enabled').notNull(),
    thresholds: jsonb('thresholds').$type<Thresholds>().notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.rule] })],
);

/**
 * What a mark on an early warning is recorded against — the warning (its rule and keyed
 * reference) at a level, in its center — shared by acknowledgements, notices and dispositions.
 */
export const warningMark = () => ({
  centerId: uuid('center_id')
    .notNull()
    .references(() => centers.id),
  rule: text('rule').$type<WarningRule>().notNull(),
  key: text('key').notNull(),
  level: text('level').$type<WarningLevel>().notNull(),
});

/**
 * 签收: the owner of a warning (or a director) took it on, at this level. A warning that
 * turns red asks for it again, like its disposition.
 */
export const warningAcknowledgements = pgTable(
  'warning_acknowledgements',
  {
    ...warningMark(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.rule, t.key, t.level] })],
);

/**
 * The owner was told of a red warning: claimed by its key in the notice's transaction, so any
 * number of sweepers and restarts tell them once per warning and level.
 */
export const warningAlerts = pgTable(
  'warning_alerts',
  {
    ...warningMark(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.rule, t.key, t.level] })],
);

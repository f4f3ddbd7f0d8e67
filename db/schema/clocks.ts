import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CalendarDayKind } from '../../server/domain/calendar';
import type { ClockKind, ClockUnit, PauseReason } from '../../server/domain/tracks';
import { caseScoped } from './cases';
import { centers } from './centers';

/**
 * The official calendar (national, one row per date): statutory holidays and the weekend
 * days made workdays (调休), from the State Council's annual notices. Shipped by migration,
 * editable by the admin.
 */
export const holidays = pgTable('holidays', {
  date: date('date').primaryKey(),
  kind: text('kind').$type<CalendarDayKind>().notNull(),
  name: text('name'),
  /** Where the row comes from: the notice, or the law's fixed days before the notice is out. */
  source: text('source').notNull(),
  provisional: boolean('provisional').notNull().default(false),
});

export const clockStates = ['running', 'paused', 'stopped', 'cancelled'] as const;
export type ClockState = (typeof clockStates)[number];

/**
 * A legal clock of a case. The due date is derived from the start, the days and unit, the
 * extensions and the pauses (server/domain/clocks.ts); it is stored so lists, sweeps and
 * dashboards can query it, and recomputed on every change.
 */
export const caseClocks = pgTable(
  'case_clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    kind: text('kind').$type<ClockKind>().notNull(),
    /** What within the case the clock is about (a rating), for kinds that run several at once. */
    subjectId: uuid('subject_id'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    days: integer('days').notNull(),
    unit: text('unit').$type<ClockUnit>().notNull(),
    /** Catalog key of the legal basis, for the explanation. */
    source: text('source').notNull(),
    /** Each extension granted, in order (a petition's handling clock allows one). */
    extensions: jsonb('extensions').$type<{ days: number; at: string }[]>().notNull().default([]),
    state: text('state').$type<ClockState>().notNull().default('running'),
    /** Null while paused. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_clocks_case_id_idx').on(t.caseId),
    index('case_clocks_subject_id_idx').on(t.subjectId).where(sql`${t.subjectId} is not null`),
    // Sweeps and "due within" filters: running clocks by due date.
    index('case_clocks_center_id_due_at_idx').on(t.centerId, t.dueAt).where(sql`${t.state} = 'running'`),
    // One live clock of each kind per case (and per subject, for kinds that have one).
    uniqueIndex('case_clocks_case_id_kind_idx')
      .on(t.caseId, t.kind, sql`coalesce(${t.subjectId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.state} in ('running', 'paused')`),
  ],
);

/** A clock stopped for a named reason; resumed explicitly. */
export const clockPauses = pgTable(
  'clock_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => caseClocks.id),
    reason: text('reason').$type<PauseReason>().notNull(),
    pausedAt: timestamp('paused_at', { withTimezone: true }).notNull(),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
  },
  (t) => [index('clock_pauses_clock_id_idx').on(t.clockId)],
);

/**
 * One row per reminder sent: the unique key makes each reminder go out once per clock,
 * threshold and due date, whatever the number of sweepers and restarts (an extension moves
 * the due date and so re-arms the reminders).
 */
export const clockAlerts = pgTable(
  'clock_alerts',
  {
    clockId: uuid('clock_id')
      .notNull()
      .references(() => caseClocks.id),
    threshold: text('threshold').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clockId, t.threshold, t.dueAt] })],
);

/** A center's own length of a clock (`acceptance`, `handling:petition`, …) instead of the statutory default. */
export const clockPolicies = pgTable(
  'clock_policies',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    key: text('key').notNull(),
    days: integer('days').notNull(),
    unit: text('unit').$type<ClockUnit>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.key] })],
);

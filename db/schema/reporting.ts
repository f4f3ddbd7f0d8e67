import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ClosureOutcome, TerminationKind } from '../../server/domain/agreements';
import type { CaseStatus, Channel } from '../../server/domain/case-status';
import type { Track } from '../../server/domain/tracks';
import { cases } from './cases';
import { centers } from './centers';
import { users } from './users';

/**
 * The dashboard's rollup: what the indicators need of each case (server/domain/kpis.ts
 * CaseFacts), one row per case, so a center's year is read from one index instead of being
 * derived from eight tables per case. Kept correct by triggers (migration 0018): any write to a
 * table a fact comes from marks the case in `case_fact_marks`, in the writer's transaction; the
 * dashboard refreshes the marked cases before it reads (server/services/case-facts.ts).
 */
export const caseFacts = pgTable(
  'case_facts',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    status: text('status').$type<CaseStatus>().notNull(),
    category: text('category').notNull(),
    track: text('track').$type<Track>(),
    channel: text('channel').$type<Channel>().notNull(),
    townshipCode: text('township_code'),
    people: integer('people').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome').$type<ClosureOutcome>(),
    terminationKind: text('termination_kind').$type<TerminationKind>(),
    acceptanceDueAt: timestamp('acceptance_due_at', { withTimezone: true }),
    handlingDueAt: timestamp('handling_due_at', { withTimezone: true }),
    agreementAt: timestamp('agreement_at', { withTimezone: true }),
    writtenAgreementAt: timestamp('written_agreement_at', { withTimezone: true }),
    confirmationAppliedAt: timestamp('confirmation_applied_at', { withTimezone: true }),
    confirmationDecidedAt: timestamp('confirmation_decided_at', { withTimezone: true }),
    confirmationState: text('confirmation_state'),
    termsLastDueOn: date('terms_last_due_on'),
    performedByLastDue: boolean('performed_by_last_due').notNull(),
    repeatOfEarlier: boolean('repeat_of_earlier').notNull(),
    repeatedAfterClosure: boolean('repeated_after_closure').notNull(),
    requiredVisits: integer('required_visits').notNull(),
    amountClaimed: numeric('amount_claimed', { precision: 14, scale: 2 }),
    amountRecovered: numeric('amount_recovered', { precision: 14, scale: 2 }),
    /** The panel's lead; their name and organization are joined when read (a rename shows at once). */
    leadUserId: uuid('lead_user_id').references(() => users.id),
  },
  (t) => [
    // A period's cohort: the center's cases registered before it ended and not closed long
    // before it began (an open case counts as closing at infinity).
    index('case_facts_center_open_until_idx').on(t.centerId, sql`coalesce(${t.closedAt}, 'infinity'::timestamptz)`, t.registeredAt),
  ],
);

/**
 * Cases whose facts are out of date. `mark` grows with every write, so a refresh removes only
 * the marks it has seen: a write that lands while it runs leaves its case marked.
 */
export const caseFactMarks = pgTable('case_fact_marks', {
  caseId: uuid('case_id').primaryKey(),
  /** The case's center: every row of case data carries it (the future distribution column). */
  centerId: uuid('center_id').notNull(),
  mark: bigint('mark', { mode: 'number' }).notNull(),
});

/**
 * How many times each center's facts have changed: bumped by every refresh that rewrote one of
 * its cases, so figures computed from the facts at a version (an ended period's, which no
 * longer depend on the clock) can be kept until it moves.
 */
export const caseFactVersions = pgTable('case_fact_versions', {
  centerId: uuid('center_id')
    .primaryKey()
    .references(() => centers.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FollowUpMethod, FollowUpReason, Honoured } from '../../server/domain/follow-ups';
import type { ReviewDecision, ReviewLevel } from '../../server/domain/reviews';
import type { RatingChannel, RatingLevel, RatingScope, RatingTag, RectificationState, Verification } from '../../server/domain/ratings';
import { caseParties, caseScoped, caseVisits } from './cases';
import { users } from './users';

/**
 * A rating by one applicant: of the closed case (scope `case`) or of one contact at the window
 * (scope `contact`, a visit). Only the rater writes it — signed in, or through a one-time SMS
 * link — never staff. A follow-up (追评) points at the rating it follows.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    scope: text('scope').$type<RatingScope>().notNull(),
    visitId: uuid('visit_id').references(() => caseVisits.id),
    level: text('level').$type<RatingLevel>().notNull(),
    tags: jsonb('tags').$type<RatingTag[]>().notNull().default([]),
    comment: text('comment'),
    channel: text('channel').$type<RatingChannel>().notNull(),
    followUpOf: uuid('follow_up_of').references((): AnyPgColumn => ratings.id),
    /** An appeal the supervisor upheld: the rating stays on record, out of the rate. */
    excludedAt: timestamp('excluded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ratings_case_id_idx').on(t.caseId),
    index('ratings_center_id_created_at_idx').on(t.centerId, t.createdAt),
    // One rating per rater and service; one follow-up per rating.
    uniqueIndex('ratings_party_service_idx')
      .on(t.partyId, t.scope, sql`coalesce(${t.visitId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.followUpOf} is null`),
    uniqueIndex('ratings_follow_up_of_idx').on(t.followUpOf),
  ],
);

/** A link sent by SMS to rate without signing in: only its hash is stored; single use; expires. */
export const ratingLinks = pgTable(
  'rating_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    tokenHash: text('token_hash').notNull(),
    /** A link for the one follow-up rating (追评), sent with the report on a bad rating. */
    followUpOf: uuid('follow_up_of').references(() => ratings.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_links_token_hash_idx').on(t.tokenHash), index('rating_links_case_id_idx').on(t.caseId)],
);

/** The answer to a bad rating (差评整改): call back, verify, rectify and report, or appeal. */
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id),
    state: text('state').$type<RectificationState>().notNull().default('callback_due'),
    calledBackAt: timestamp('called_back_at', { withTimezone: true }),
    callbackNote: text('callback_note'),
    verification: text('verification').$type<Verification>(),
    verificationNote: text('verification_note'),
    report: text('report'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    appealDecidedAt: timestamp('appeal_decided_at', { withTimezone: true }),
    appealDecidedBy: uuid('appeal_decided_by').references(() => users.id),
    appealNote: text('appeal_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rectifications_rating_id_idx').on(t.ratingId), index('rectifications_center_id_state_idx').on(t.centerId, t.state)],
);

/** A follow-up visit (回访): scheduled from the agreement's terms and the closure; recorded when made. */
export const followUpVisits = pgTable(
  'follow_up_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    reason: text('reason').$type<FollowUpReason>().notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    reachedPartyId: uuid('reached_party_id').references(() => caseParties.id),
    method: text('method').$type<FollowUpMethod>(),
    honoured: text('honoured').$type<Honoured>(),
    satisfaction: text('satisfaction').$type<RatingLevel>(),
    newDispute: boolean('new_dispute'),
    measures: text('measures'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_up_visits_case_id_idx').on(t.caseId), uniqueIndex('follow_up_visits_case_reason_due_idx').on(t.caseId, t.reason, t.dueOn)],
);

/** A request for review (复查) or re-review (复核) of a petition's reply, sent up, with the higher body's answer. */
export const reviewRequests = pgTable(
  'review_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    level: text('level').$type<ReviewLevel>().notNull(),
    body: text('body').notNull(),
    requestedOn: date('requested_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    decision: text('decision').$type<ReviewDecision>(),
    decidedOn: date('decided_on'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_requests_case_level_idx').on(t.caseId, t.level)],
);

import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
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

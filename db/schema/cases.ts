import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus, Channel, PartyKind, PartyRole, Visibility } from '../../server/domain/case-status';
import type { Track } from '../../server/domain/tracks';
import type { ClosureOutcome, VisitReason } from '../../server/domain/agreements';
import { centers, townships } from './centers';
import { users } from './users';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    caseNumber: text('case_number').notNull(),
    trackingCode: text('tracking_code').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    /** A category code enabled for the center (center_categories). */
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** What the applicants ask for. */
    request: text('request').notNull().default(''),
    /** Yuan, exact. */
    amountInDispute: numeric('amount_in_dispute', { precision: 14, scale: 2 }),
    occurredOn: date('occurred_on'),
    location: text('location'),
    /** The township where it arose, one of the center's; none for cases registered before townships were asked. */
    townshipCode: text('township_code'),
    channel: text('channel').$type<Channel>().notNull(),
    /** Chosen at acceptance; decides the case's clocks. */
    track: text('track').$type<Track>(),
    /** When the center received the matter (a letter's or transfer's date, else the submission): clocks start here. */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set when the case is closed (its details in case_closures); cleared if it is reopened. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome').$type<ClosureOutcome>(),
    /** A legal hold keeps the case's personal data past its retention period (litigation, review, an authority's request). */
    legalHoldAt: timestamp('legal_hold_at', { withTimezone: true }),
    legalHoldReason: text('legal_hold_reason'),
    /** When the retention sweep erased the case's personal data (server/services/retention.ts). */
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: every write bumps it, a stale write is refused. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_case_number_idx').on(t.caseNumber),
    // The intake queue: one center's cases by status, newest first.
    index('cases_center_id_status_registered_at_idx').on(t.centerId, t.status, t.registeredAt),
    // The retention sweep: concluded cases whose personal data is still there, by when they ended.
    index('cases_retention_idx').on(t.status, t.closedAt, t.decidedAt).where(sql`${t.personalDataErasedAt} is null`),
    // Duplicate detection compares the whole text with pg_trgm similarity.
    index('cases_text_trgm_idx').using('gin', sql`(${t.title} || ' ' || ${t.description}) gin_trgm_ops`),
    // The township must be one of the case's own center, whatever path wrote it.
    foreignKey({ columns: [t.centerId, t.townshipCode], foreignColumns: [townships.centerId, townships.code] }).onDelete('no action'),
  ],
);

/** Every row of case data carries its center (the tenant and future sharding key) and its case. */
export const caseScoped = () => ({
  centerId: uuid('center_id')
    .notNull()
    .references(() => centers.id),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
});

/** One row per center and year; incremented in the registering transaction. */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.year] })],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    /** The signed-in account acting as this party, when there is one. */
    userId: uuid('user_id').references(() => users.id),
    role: text('role').$type<PartyRole>().notNull(),
    kind: text('kind').$type<PartyKind>().notNull().default('person'),
    name: text('name').notNull(),
    /** normalizeName(name): respondents are matched on it. */
    normalizedName: text('normalized_name').notNull().default(''),
    phone: text('phone'),
    /** Keyed hash of the ID number, for look-ups; the number itself only encrypted. */
    idNumberHash: text('id_number_hash'),
    idNumberEncrypted: text('id_number_encrypted'),
    creditCode: text('credit_code'),
    claimedAmount: numeric('claimed_amount', { precision: 14, scale: 2 }),
    isRepresentative: boolean('is_representative').notNull().default(false),
    /** The order the parties were listed in; rows inserted together share a timestamp. */
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_parties_case_id_idx').on(t.caseId),
    // "My cases" and the access policy look a party up by account.
    index('case_parties_user_id_idx').on(t.userId),
    // Duplicate detection: the same applicant by ID number or phone, the same respondent.
    index('case_parties_id_number_hash_idx').on(t.idNumberHash),
    index('case_parties_phone_idx').on(t.phone),
    index('case_parties_center_id_normalized_name_idx').on(t.centerId, t.normalizedName),
    index('case_parties_center_id_credit_code_idx').on(t.centerId, t.creditCode),
  ],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    kind: text('kind').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    /** For caucus entries: the one party who may read it besides the panel. */
    caucusPartyId: uuid('caucus_party_id').references(() => caseParties.id),
    actorId: uuid('actor_id').references(() => users.id),
    /** Set instead of actorId when the system acted (e.g. `deadline_sweep`). */
    actorSystem: text('actor_system'),
    body: jsonb('body').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The page's exact order (newest first, ties by id) read backwards, so a page comes off the
  // index without a sort.
  (t) => [index('timeline_events_case_page_idx').on(t.caseId, t.createdAt, t.id)],
);

/** Each in-person visit for a case: the 最多跑一次 count directors watch. */
export const caseVisits = pgTable(
  'case_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull().defaultNow(),
    /** Required by the process, voluntary, or to attend a session (最多跑一次 counts the required ones). */
    reason: text('reason').$type<VisitReason>().notNull().default('required'),
    note: text('note'),
  },
  (t) => [index('case_visits_case_id_idx').on(t.caseId)],
);

export const caseLinkKinds = ['related', 'merged_into'] as const;
export type CaseLinkKind = (typeof caseLinkKinds)[number];

/** `related` is stored once per direction; `merged_into` points from the absorbed case to the one that absorbed it. */
export const caseLinks = pgTable(
  'case_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    otherCaseId: uuid('other_case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<CaseLinkKind>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_links_case_id_other_case_id_idx').on(t.caseId, t.otherCaseId)],
);

/** A retried or double-clicked submission finds its first result here instead of registering twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus, Category, Channel, PartyRole, Visibility } from '../../server/domain/case-status';
import { centers } from './centers';
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
    category: text('category').$type<Category>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
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
  ],
);

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
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The signed-in account acting as this party, when there is one. */
    userId: uuid('user_id').references(() => users.id),
    role: text('role').$type<PartyRole>().notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_parties_case_id_idx').on(t.caseId),
    // "My cases" and the access policy look a party up by account.
    index('case_parties_user_id_idx').on(t.userId),
  ],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    /** For caucus entries: the one party who may read it besides the panel. */
    caucusPartyId: uuid('caucus_party_id').references(() => caseParties.id),
    actorId: uuid('actor_id').references(() => users.id),
    body: jsonb('body').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('timeline_events_case_id_created_at_idx').on(t.caseId, t.createdAt)],
);

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrganizationKind, Role } from '../../server/domain/roles';
import { caseScoped } from './cases';
import { centers } from './centers';
import { users } from './users';

/** Who works a case together. A removed member keeps their row (removedAt) for the history. */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...caseScoped(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    isLead: boolean('is_lead').notNull().default(false),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    // One current membership per person and case; past ones stay.
    uniqueIndex('panel_members_case_id_user_id_idx').on(t.caseId, t.userId).where(sql`${t.removedAt} is null`),
    // "My cases" of a panel member, and their open-case load.
    index('panel_members_user_id_idx').on(t.userId),
  ],
);

/** Category → the panel roles a center suggests for it, editable by the center's admin. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    category: text('category').notNull(),
    role: text('role').$type<Role>().notNull(),
    organizationKind: text('organization_kind').$type<OrganizationKind>(),
    isLead: boolean('is_lead').notNull().default(false),
    /** Suggested only under a condition, said in words (e.g. "when the agreement will be judicially confirmed"). */
    condition: text('condition'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('routing_rules_center_id_category_idx').on(t.centerId, t.category)],
);

import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OrganizationKind } from '../../server/domain/roles';

export const centers = pgTable('centers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** GB/T 2260 six-digit code of the county the center serves. */
  regionCode: text('region_code').notNull().unique(),
  /** The city (or province) above it, so a supervisor can see a whole region. */
  parentRegionCode: text('parent_region_code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    kind: text('kind').$type<OrganizationKind>().notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizations_center_id_idx').on(t.centerId)],
);

/**
 * The townships (乡镇、街道) a center's county is divided into, by their 9-digit 乡级区划代码:
 * where a case arose, so figures and warnings can be read by township.
 */
export const townships = pgTable(
  'townships',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The order the intake forms list them in. */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.code] })],
);

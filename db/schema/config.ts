import { boolean, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { centers } from './centers';

/** The categories a center offers; the built-in codes take their labels from the catalogs. */
export const centerCategories = pgTable(
  'center_categories',
  {
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    code: text('code').notNull(),
    /** Only for a center's own categories; built-in ones are translated by code. */
    labelZh: text('label_zh'),
    labelEn: text('label_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.code] })],
);

/** Where a declined petitioner is sent, or a case transferred: the competent agencies near the center. */
export const referralDestinations = pgTable('referral_destinations', {
  id: uuid('id').primaryKey().defaultRandom(),
  centerId: uuid('center_id')
    .notNull()
    .references(() => centers.id),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
